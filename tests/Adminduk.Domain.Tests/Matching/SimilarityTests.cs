using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class SimilarityTests
{
    [Theory]
    [InlineData("budi", "budi", true)]
    [InlineData("budi", "bud", true)]
    [InlineData("budi", "budii", true)]
    [InlineData("budi", "bdui", true)]
    [InlineData("budi", "buid", true)]
    [InlineData("budi", "bodi", true)]
    [InlineData("budi", "xudi", true)]
    [InlineData("budi", "budx", true)]
    [InlineData("budi", "ubdi", true)]
    [InlineData("6471050903850012", "6471050903850013", true)]
    [InlineData("6471050903850012", "6471050903850021", true)]
    [InlineData("6471050903850012", "647105090385012", true)]
    [InlineData("budi", "bduix", false)]
    [InlineData("budi", "bu", false)]
    [InlineData("budi", "idub", false)]
    [InlineData("santoso", "susanto", false)]
    [InlineData("6471050903850012", "6471050903850201", false)]
    public void One_edit_apart_means_one_substitution_insertion_deletion_or_neighbour_swap(string a, string b, bool expected)
    {
        var oneOrNone = a == b || Similarity.OneEditApart(a, b);
        oneOrNone.ShouldBe(expected);
        Similarity.OneEditApart(b, a).ShouldBe(Similarity.OneEditApart(a, b));
    }

    [Fact]
    public void Equal_strings_are_not_one_edit_apart() => Similarity.OneEditApart("budi", "budi").ShouldBeFalse();

    [Theory]
    [InlineData("rizki", "rizki", 1.0)]
    [InlineData("m", "muhamat", Similarity.InitialMatch)]
    [InlineData("muhamat", "m", Similarity.InitialMatch)]
    [InlineData("r", "muhamat", 0.0)]
    [InlineData("", "budi", 0.0)]
    [InlineData("santoso", "susanto", 0.0)]
    [InlineData("hasan", "husain", 0.0)]
    public void Token_similarity_has_exact_initial_and_floor_cases(string a, string b, double expected) =>
        Similarity.Token(a, b).ShouldBe(expected, 1e-9);

    [Theory]
    [InlineData("rina", "rini")]
    [InlineData("budi", "bdui")]
    [InlineData("yusuf", "yusup")]
    public void One_typo_scores_at_least_the_one_edit_level_even_for_short_names(string a, string b) =>
        Similarity.Token(a, b).ShouldBeInRange(Similarity.OneEdit, 0.999);

    [Fact]
    public void Jaro_winkler_rewards_a_shared_prefix()
    {
        Similarity.Token("ramadan", "ramadani").ShouldBeGreaterThan(0.95);
        Similarity.Token("kurniawan", "kurniawati").ShouldBeGreaterThan(Similarity.Token("kurniawan", "murniawan") - 0.1);
    }

    [Fact]
    public void Token_set_ignores_order()
    {
        Similarity.TokenSet(["budi", "santoso"], ["santoso", "budi"]).ShouldBe(1);
        Similarity.TokenSet(["siti", "aminah", "rahma"], ["rahma", "siti", "aminah"]).ShouldBe(1);
    }

    [Fact]
    public void A_subset_scores_between_different_and_equal()
    {
        var subset = Similarity.TokenSet(["aminah"], ["siti", "aminah"]);
        subset.ShouldBeInRange(0.7, 0.9);
        Similarity.TokenSet(["siti", "aminah"], ["aminah"]).ShouldBe(subset);
    }

    [Fact]
    public void A_shared_common_first_name_alone_is_about_half()
    {
        var s = Similarity.TokenSet(["muhamat", "rizki"], ["muhamat", "fauzi"]);
        s.ShouldBeInRange(0.5, 0.65);
    }

    [Fact]
    public void Nothing_in_common_or_nothing_at_all_scores_zero()
    {
        Similarity.TokenSet(["budi"], ["siti"]).ShouldBe(0);
        Similarity.TokenSet([], ["siti"]).ShouldBe(0);
        Similarity.TokenSet(["siti"], []).ShouldBe(0);
    }

    [Fact]
    public void An_initial_vouches_only_for_itself()
    {
        var withInitial = Similarity.TokenSet(["muhamat", "r", "hidayat"], ["muhamat", "rizki", "hidayat"]);
        withInitial.ShouldBeInRange(0.8, 0.95);
        Similarity.TokenSet(["muhamat", "rizki", "hidayat"], ["muhamat", "rizki", "hidayat"]).ShouldBeGreaterThan(withInitial);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DWAYNE", "DUANE", 0.8400)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.8963)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("a", "", 0.0)]
    public void Jaro_winkler_gives_the_published_reference_values(string a, string b, double expected)
    {
        Similarity.JaroWinkler(a, b).ShouldBe(expected, 0.0001);
        Similarity.JaroWinkler(b, a).ShouldBe(expected, 0.0001);
    }

    [Fact]
    public void Jaro_winkler_handles_strings_longer_than_the_stack_buffer()
    {
        var a = new string('a', 300) + "b";
        var b = new string('a', 300) + "c";
        Similarity.JaroWinkler(a, b).ShouldBeGreaterThan(0.99);
        Similarity.Levenshtein(a, b).ShouldBe(1);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int distance) =>
        Similarity.Levenshtein(a, b).ShouldBe(distance);

    [Theory]
    [InlineData("nurhayati", "nurhayati", 1.0)]
    [InlineData("abcd", "abcx", 0.75)]
    [InlineData("", "", 1.0)]
    public void Edit_similarity_is_normalised_levenshtein(string a, string b, double expected) =>
        Similarity.Edit(a, b).ShouldBe(expected, 1e-9);
}

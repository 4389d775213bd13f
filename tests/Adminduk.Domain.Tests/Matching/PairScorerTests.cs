using Adminduk.Domain.Matching;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Tests.Matching;

public class PairScorerTests
{
    private static readonly PersonRecord Budi = new("a")
    {
        Name = "Budi Santoso",
        Nik = "6471050903850012",
        BirthDate = new DateOnly(1985, 3, 9),
        Sex = Sex.Male,
        Address = "Jl. Sudirman No. 10 RT 005",
        RegionCode = "6471051001",
    };

    private static readonly MatchWeights W = new();

    [Fact]
    public void Identical_records_agree_on_every_field_and_score_near_one()
    {
        var s = Score(Budi, Budi with { Id = "b" });
        s.Fields.Select(f => (f.Field, f.Outcome)).ShouldBe(
        [
            (MatchField.Name, FieldOutcome.Agree), (MatchField.BirthDate, FieldOutcome.Agree), (MatchField.Nik, FieldOutcome.Agree),
            (MatchField.Address, FieldOutcome.Agree), (MatchField.Region, FieldOutcome.Agree), (MatchField.Sex, FieldOutcome.Agree),
        ]);
        s.Weight.ShouldBe(W.NameExact + W.BirthDateExact + W.IdExact + W.AddressExact + W.RegionSame + W.SexSame);
        s.Score.ShouldBeGreaterThan(0.9999);
        s.Agreeing.Count().ShouldBe(6);
        s.Disagreeing.ShouldBeEmpty();
    }

    [Fact]
    public void Missing_values_add_no_evidence()
    {
        var s = Score(Budi, new PersonRecord("b") { Name = "Budi Santoso" });
        s.Weight.ShouldBe(W.NameExact);
        s.Fields.Count(f => f.Outcome == FieldOutcome.Missing).ShouldBe(5);
        s[MatchField.Nik]!.Weight.ShouldBe(0);
    }

    [Fact]
    public void Birth_dates_agree_swap_differ_in_one_part_or_disagree()
    {
        Field(Budi with { BirthDate = new DateOnly(1985, 9, 3) }, MatchField.BirthDate).ShouldBe((FieldOutcome.Partial, W.BirthDateSwapped));
        Field(Budi with { BirthDate = new DateOnly(1986, 3, 9) }, MatchField.BirthDate).ShouldBe((FieldOutcome.Partial, W.BirthDateOnePart));
        Field(Budi with { BirthDate = new DateOnly(1985, 3, 19) }, MatchField.BirthDate).ShouldBe((FieldOutcome.Partial, W.BirthDateOnePart));
        Field(Budi with { BirthDate = new DateOnly(1990, 7, 1) }, MatchField.BirthDate).ShouldBe((FieldOutcome.Disagree, W.BirthDateDifferent));
    }

    [Fact]
    public void A_nik_one_digit_off_is_weak_evidence_but_another_id_one_digit_off_is_not()
    {
        Field(Budi with { Nik = "6471050903850013" }, MatchField.Nik).ShouldBe((FieldOutcome.Partial, W.NikOneEdit));
        var febrl = new PersonRecord("x") { Nik = "5089409" };
        Score(febrl, febrl with { Nik = "5089490" })[MatchField.Nik]!.Weight.ShouldBe(W.IdOneEdit);
        Field(Budi with { Nik = "3171014506990123" }, MatchField.Nik).ShouldBe((FieldOutcome.Disagree, W.IdDifferent));
    }

    [Fact]
    public void Regions_agree_are_neighbours_or_differ()
    {
        Field(Budi with { RegionCode = "6471051002" }, MatchField.Region).ShouldBe((FieldOutcome.Partial, W.RegionClose));
        Field(Budi with { RegionCode = "6471031005" }, MatchField.Region).ShouldBe((FieldOutcome.Disagree, W.RegionDifferent));
    }

    [Fact]
    public void Sex_disagreement_weighs_heavily() =>
        Field(Budi with { Sex = Sex.Female }, MatchField.Sex).ShouldBe((FieldOutcome.Disagree, W.SexDifferent));

    [Theory]
    [InlineData("Budi Santoso", FieldOutcome.Agree)]
    [InlineData("SANTOSO, BUDI", FieldOutcome.Agree)]
    [InlineData("Drs. Boedi Santoso", FieldOutcome.Agree)]
    [InlineData("Budi Santso", FieldOutcome.Partial)]
    [InlineData("Budi", FieldOutcome.Partial)]
    [InlineData("Budisantoso", FieldOutcome.Agree)]
    [InlineData("Siti Aminah", FieldOutcome.Disagree)]
    public void Name_outcomes_follow_the_folded_token_set(string name, FieldOutcome outcome) =>
        Field(Budi with { Name = name }, MatchField.Name).Outcome.ShouldBe(outcome);

    [Fact]
    public void Name_weight_grows_with_similarity()
    {
        var weights = new[] { "Siti Aminah", "Budi Aminah", "Budi", "Budi Santso", "Budi Santoso" }
            .Select(n => Field(Budi with { Name = n }, MatchField.Name).Weight)
            .ToList();
        weights.ShouldBeInOrder(SortDirection.Ascending);
        weights[0].ShouldBe(W.NameDifferent);
        weights[^1].ShouldBe(W.NameExact);
    }

    [Fact]
    public void Addresses_written_differently_agree_and_other_streets_disagree()
    {
        Field(Budi with { Address = "JALAN SUDIRMAN 10, RT.05" }, MatchField.Address).Outcome.ShouldBe(FieldOutcome.Agree);
        Field(Budi with { Address = "Jl. Sudirman 10" }, MatchField.Address).Outcome.ShouldBe(FieldOutcome.Partial);
        Field(Budi with { Address = "Jl. Beller No. 80 RT 030" }, MatchField.Address).ShouldBe((FieldOutcome.Disagree, W.AddressDifferent));
    }

    [Fact]
    public void Weight_and_score_agree_with_the_detailed_score()
    {
        var other = Budi with { Id = "b", Name = "Budi Santso", BirthDate = new DateOnly(1985, 9, 3), RegionCode = "6471051002" };
        var a = MatchRecord.From(Budi);
        var b = MatchRecord.From(other);
        var detailed = PairScorer.Default.Score(a, b);
        PairScorer.Default.Weight(a, b).ShouldBe(detailed.Weight, 1e-9);
        PairScorer.Default.ScoreOf(detailed.Weight).ShouldBe(detailed.Score, 1e-12);
        detailed.Fields.Sum(f => f.Weight).ShouldBe(detailed.Weight, 1e-9);
        detailed.ToString().ShouldContain("BirthDate:Partial");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Thresholds_convert_to_weights_and_back(double score)
    {
        var scorer = PairScorer.Default;
        scorer.ScoreOf(scorer.WeightAt(score)).ShouldBe(score, 1e-12);
    }

    [Fact]
    public void The_default_thresholds_sit_between_namesakes_and_true_duplicates()
    {
        var scorer = PairScorer.Default;
        var sure = scorer.WeightAt(MatchOptions.Default.SureThreshold);
        var review = scorer.WeightAt(MatchOptions.Default.ReviewThreshold);

        // The same person, NIK missing on one row.
        scorer.Weight(MatchRecord.From(Budi), MatchRecord.From(Budi with { Id = "b", Nik = null })).ShouldBeGreaterThan(sure);

        // A namesake born the same day in another district: only review.
        var namesake = Budi with { Id = "c", Nik = null, Address = "Jl. Beller No. 80 RT 030", RegionCode = "6471031002" };
        scorer.Weight(MatchRecord.From(Budi), MatchRecord.From(namesake)).ShouldBeInRange(review, sure);

        // The father of the same name: different birth date and NIK.
        var father = Budi with { Id = "d", Nik = "6471050101600001", BirthDate = new DateOnly(1960, 1, 1) };
        scorer.Weight(MatchRecord.From(Budi), MatchRecord.From(father)).ShouldBeLessThan(review);
    }

    private static MatchScore Score(PersonRecord a, PersonRecord b) => PairScorer.Default.Score(MatchRecord.From(a), MatchRecord.From(b));

    private static (FieldOutcome Outcome, double Weight) Field(PersonRecord other, MatchField field)
    {
        var f = Score(Budi, other with { Id = "b" })[field]!;
        return (f.Outcome, f.Weight);
    }
}

using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class BlockingTests
{
    private static readonly PersonRecord Budi = new("a")
    {
        Name = "Budi Santoso",
        Nik = "6471050903850012",
        BirthDate = new DateOnly(1985, 3, 9),
        RegionCode = "6471051001",
    };

    [Fact]
    public void Keys_cover_the_number_name_with_date_name_pairs_joined_name_and_date_with_region()
    {
        var keys = BlockingKeys.Describe(MatchRecord.From(Budi));
        keys.ShouldBe(
        [
            "i|6471050903850012", "i0|4705908501", "i1|67150035012", "i2|64100938002",
            "nd|budi|19850309", "nd|sant|19850309", "ny|budi+sant|1985", "nr|budi+sant|6471051001",
            "jd|budisa|19850309", "dr|19850309|6471051001",
        ]);
    }

    [Fact]
    public void Missing_fields_give_fewer_keys_and_initials_give_none()
    {
        var keys = BlockingKeys.Describe(MatchRecord.From(new PersonRecord("b") { Name = "R. Hidayat" }));
        keys.ShouldBeEmpty();
        BlockingKeys.Describe(MatchRecord.From(new PersonRecord("c") { Name = "Hidayat", RegionCode = "6471051001" }))
            .ShouldBe(["nr|hida|6471051001"]);
    }

    [Fact]
    public void Every_single_wrong_digit_still_shares_a_key()
    {
        var original = MatchRecord.From(Budi);
        for (var position = 0; position < 16; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (Budi.Nik![position] == digit)
                {
                    continue;
                }

                var nik = Budi.Nik[..position] + digit + Budi.Nik[(position + 1)..];
                var wrong = MatchRecord.From(new PersonRecord("w") { Nik = nik });
                Shared(original, wrong).ShouldBeGreaterThan(0, nik);
            }
        }
    }

    [Fact]
    public void Swapped_day_and_month_share_the_name_and_date_keys()
    {
        var swapped = MatchRecord.From(Budi with { Nik = null, RegionCode = null, BirthDate = new DateOnly(1985, 9, 3) });
        Shared(MatchRecord.From(Budi), swapped).ShouldBe(4); // nd budi, nd sant, jd, and ny (same year)
    }

    [Fact]
    public void Joined_and_split_names_meet_through_the_joined_key()
    {
        var a = MatchRecord.From(new PersonRecord("a") { Name = "Nur Hayati", BirthDate = new DateOnly(1970, 1, 2) });
        var b = MatchRecord.From(new PersonRecord("b") { Name = "Nurhayati", BirthDate = new DateOnly(1970, 1, 2) });
        Shared(a, b).ShouldBe(1);
    }

    [Fact]
    public void A_typo_in_one_name_token_leaves_the_other()
    {
        var typo = MatchRecord.From(Budi with { Nik = null, RegionCode = null, Name = "Bdui Santoso" });
        Shared(MatchRecord.From(Budi), typo).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("Budi Santoso", "6471051005750001", "1975-05-10", "6471051002")]
    [InlineData("H. Muhammad Nur Hidayat bin Abdul Rahman", "64710510057500", "2001-12-03", null)]
    [InlineData("Siti", null, "1990-03-04", "64.71.05.1002")]
    [InlineData("Ahmad Fauzi", "1234567", null, "6471051002")]
    [InlineData("", null, null, null)]
    public void Key_hashes_are_the_hashes_of_the_described_keys(string name, string? nik, string? birth, string? region)
    {
        var record = MatchRecord.From(new PersonRecord("x")
        {
            Name = name,
            Nik = nik,
            BirthDate = birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            RegionCode = region,
        });

        record.Keys.ShouldBe(BlockingKeys.Describe(record).Select(BlockingKeys.Hash).Order().ToArray());
    }

    [Fact]
    public void Hashes_are_stable_across_processes()
    {
        BlockingKeys.Hash("").ShouldBe(14695981039346656037UL);
        BlockingKeys.Hash("i|6471050903850012").ShouldBe(BlockingKeys.Hash("i|6471050903850012"));
        BlockingKeys.Hash("a").ShouldBe(12638187200555641996UL);
        BlockingKeys.Hash("a").ShouldNotBe(BlockingKeys.Hash("b"));
    }

    [Fact]
    public void The_index_gives_each_pair_once_and_only_pairs_that_share_a_key()
    {
        var records = new[]
        {
            MatchRecord.From(Budi),
            MatchRecord.From(Budi with { Id = "b", Name = "Boedi Santoso" }),
            MatchRecord.From(new PersonRecord("c") { Name = "Siti Aminah", BirthDate = new DateOnly(1990, 1, 1) }),
            MatchRecord.From(Budi with { Id = "d", Nik = null }),
        };
        var index = new BlockIndex(records, MatchOptions.Default);
        var pairs = new List<(int, int)>();
        var seen = new HashSet<int>();
        var found = new List<int>();
        for (var i = 0; i < records.Length; i++)
        {
            index.Candidates(records[i], i, seen, found);
            pairs.AddRange(found.Select(j => (i, j)));
        }

        pairs.ShouldBe([(0, 1), (0, 3), (1, 3)], ignoreOrder: true);
        index.BlockSize(BlockingKeys.Hash("i|6471050903850012")).ShouldBe(2);
        index.BlockSize(BlockingKeys.Hash("nope")).ShouldBe(0);
    }

    [Fact]
    public void An_outside_query_gets_every_record_sharing_a_key()
    {
        var records = new[] { MatchRecord.From(Budi), MatchRecord.From(new PersonRecord("c") { Name = "Siti Aminah", BirthDate = new DateOnly(1990, 1, 1) }) };
        var index = new BlockIndex(records, MatchOptions.Default);
        var found = new List<int>();
        index.Candidates(MatchRecord.From(Budi with { Id = "q" }), -1, [], found);
        found.ShouldBe([0]);
    }

    [Fact]
    public void Oversized_blocks_are_walked_by_sorted_neighbourhood()
    {
        // 300 people sharing one name and birth year: the "ny" block is oversized, each meets only its neighbours.
        var options = MatchOptions.Default with { MaxBlockSize = 50, Window = 5 };
        var records = Enumerable.Range(0, 300)
            .Select(i => MatchRecord.From(new PersonRecord($"r{i:000}") { Name = "Muhammad Rizki", BirthDate = new DateOnly(1985, 1, 1).AddDays(i) }))
            .ToList();
        var index = new BlockIndex(records, options);
        index.BlockSize(BlockingKeys.Hash("ny|muha+rizk|1985")).ShouldBe(300);
        var found = new List<int>();
        var seen = new HashSet<int>();
        var total = 0;
        for (var i = 0; i < records.Count; i++)
        {
            index.Candidates(records[i], i, seen, found);
            found.ShouldAllBe(j => j > i);
            found.Count.ShouldBeLessThanOrEqualTo(2 * options.Window * 2);
            total += found.Count;
        }

        // Far below the 44,850 pairs of comparing the block in full.
        total.ShouldBeLessThan(300 * options.Window * 2);
        total.ShouldBeGreaterThan(300);
    }

    private static int Shared(MatchRecord a, MatchRecord b) => a.Keys.Intersect(b.Keys).Count();
}

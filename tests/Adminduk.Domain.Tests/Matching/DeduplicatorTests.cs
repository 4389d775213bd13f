using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class DeduplicatorTests
{
    [Fact]
    public void Duplicates_are_clustered_look_alikes_go_to_review_and_strangers_stay_alone()
    {
        PersonRecord[] records =
        [
            new("a") { Name = "H. Muhammad Rizki, S.Pd.", Nik = "6471051506950001", BirthDate = new DateOnly(1995, 6, 15), Address = "Jl. Anggrek No. 5 RT 007", RegionCode = "6471051004" },
            new("b") { Name = "MOH. RIZKY", BirthDate = new DateOnly(1995, 6, 15), Address = "JL ANGGREK 5 RT 07", RegionCode = "6471051004" },
            new("c") { Name = "Rizki Muhammad", Nik = "6471051506950001", BirthDate = new DateOnly(1995, 15 - 9, 15), Address = "Jl. Beller No. 80", RegionCode = "6471031002" },
            new("d") { Name = "Muhammad Rizki", BirthDate = new DateOnly(1995, 6, 15), Address = "Jl. Damai No. 1 RT 001", RegionCode = "6471061001" },
            new("e") { Name = "Siti Aminah", Nik = "6471056107870001", BirthDate = new DateOnly(1987, 7, 21) },
        ];
        var result = Deduplicator.Run(records);
        result.Clusters[0].ShouldBe(result.Clusters[1]);
        result.Clusters[0].ShouldBe(result.Clusters[2]);
        result.Clusters[3].ShouldNotBe(result.Clusters[0]);
        result.Clusters[4].ShouldNotBe(result.Clusters[0]);
        result.Sure.Select(p => (p.A, p.B)).ShouldContain((0, 1));
        result.ForReview.Select(p => (p.A, p.B)).ShouldContain((0, 3));
        result.Pairs.ShouldAllBe(p => p.A < p.B);
        result.Compared.ShouldBeGreaterThanOrEqualTo(result.Pairs.Count);
        result.Records.Count.ShouldBe(5);
    }

    [Fact]
    public void Stricter_thresholds_find_fewer_pairs()
    {
        PersonRecord[] records =
        [
            new("a") { Name = "Budi Santoso", BirthDate = new DateOnly(1985, 3, 9), RegionCode = "6471051001" },
            new("b") { Name = "Budi Santso", BirthDate = new DateOnly(1985, 3, 9), RegionCode = "6471051001" },
        ];
        Deduplicator.Run(records).Clusters.Distinct().Count().ShouldBe(1);
        Deduplicator.Run(records, MatchOptions.Default with { SureThreshold = 0.9999, ReviewThreshold = 0.9998 }).Pairs.ShouldBeEmpty();
    }
}

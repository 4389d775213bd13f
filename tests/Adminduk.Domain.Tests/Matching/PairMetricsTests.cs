using Adminduk.Domain.Matching.Evaluation;

namespace Adminduk.Domain.Tests.Matching;

public class PairMetricsTests
{
    [Fact]
    public void Pairs_are_counted_within_clusters_and_entities()
    {
        // Truth: {0,1,2} one person, {3,4} another, 5 alone. Predicted: {0,1}, {2,3,4}, {5}.
        string[] truth = ["x", "x", "x", "y", "y", "z"];
        int[] predicted = [0, 0, 1, 1, 1, 2];
        var m = PairMetrics.Compare(predicted, truth);
        // Predicted pairs: 01, 23, 24, 34 = 4; true pairs: 01, 02, 12, 34 = 4; both: 01, 34.
        m.ShouldBe(new PairCounts(2, 2, 2));
        m.Precision.ShouldBe(0.5);
        m.Recall.ShouldBe(0.5);
        m.F1.ShouldBe(0.5);
    }

    [Fact]
    public void The_filtered_count_over_all_pairs_equals_the_fast_count()
    {
        var rng = new Random(11);
        var truth = Enumerable.Range(0, 300).Select(_ => rng.Next(120).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var predicted = truth.Select(t => rng.NextDouble() < 0.8 ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 1000 + rng.Next(50)).ToArray();
        PairMetrics.Compare(predicted, truth, (_, _) => true).ShouldBe(PairMetrics.Compare(predicted, truth));
    }

    [Fact]
    public void A_filter_keeps_only_the_pairs_it_selects()
    {
        string[] truth = ["x", "x", "y", "y"];
        int[] predicted = [0, 0, 1, 2];
        PairMetrics.Compare(predicted, truth, (a, b) => a >= 2 || b >= 2).ShouldBe(new PairCounts(0, 0, 1));
        PairMetrics.Compare(predicted, truth, (a, b) => a < 2 && b < 2).ShouldBe(new PairCounts(1, 0, 0));
    }

    [Fact]
    public void Nothing_predicted_and_nothing_to_find_are_perfect_not_undefined()
    {
        var none = new PairCounts(0, 0, 0);
        none.Precision.ShouldBe(1);
        none.Recall.ShouldBe(1);
        none.F1.ShouldBe(1);
        new PairCounts(0, 0, 5).Precision.ShouldBe(1);
        new PairCounts(0, 0, 5).F1.ShouldBe(0);
        new PairCounts(0, 3, 0).Recall.ShouldBe(1);
    }

    [Fact]
    public void Counts_add_and_print()
    {
        (new PairCounts(1, 2, 3) + new PairCounts(10, 20, 30)).ShouldBe(new PairCounts(11, 22, 33));
        new PairCounts(9, 1, 0).ToString().ShouldBe("P 0.9000 R 1.0000 F1 0.9474 (TP 9, FP 1, FN 0)");
    }

    [Fact]
    public void Lengths_must_agree() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PairMetrics.Compare([0, 1], ["x"]));
}

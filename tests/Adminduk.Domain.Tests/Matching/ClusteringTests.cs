using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class ClusteringTests
{
    [Fact]
    public void Union_find_joins_transitively()
    {
        var c = new Clustering(6);
        c.Union(0, 1).ShouldBeTrue();
        c.Union(1, 2).ShouldBeTrue();
        c.Union(0, 2).ShouldBeFalse();
        c.Union(4, 5).ShouldBeTrue();
        c.Find(2).ShouldBe(c.Find(0));
        c.Find(3).ShouldBe(3);
        c.Assignments().ShouldBe([0, 0, 0, 1, 2, 2]);
        c.Groups().ShouldBe([[0, 1, 2], [4, 5]]);
        c.Count.ShouldBe(6);
    }

    [Fact]
    public void Different_labels_are_never_joined_even_through_a_chain()
    {
        string?[] labels = ["P1", null, "P2"];
        var c = new Clustering(3, i => labels[i]);
        c.Union(0, 1).ShouldBeTrue();
        c.Union(1, 2).ShouldBeFalse();
        c.Assignments().ShouldBe([0, 0, 1]);
    }

    [Fact]
    public void The_same_label_joins()
    {
        var c = new Clustering(2, _ => "P1");
        c.Union(0, 1).ShouldBeTrue();
    }

    [Fact]
    public void Strongest_pairs_join_first_so_the_weak_chain_loses()
    {
        // Row 1 (unlabelled) is close to both people; it belongs with the one it matches best.
        string?[] labels = ["P1", null, "P2"];
        var c = new Clustering(3, i => labels[i]);
        c.UnionAll([new ScoredPair(0, 1, 12, 0.9), new ScoredPair(1, 2, 20, 0.99)], minimumWeight: 10);
        c.Assignments().ShouldBe([0, 1, 1]);
    }

    [Fact]
    public void Pairs_below_the_weight_are_left_out()
    {
        var c = new Clustering(3);
        c.UnionAll([new ScoredPair(0, 1, 9.9, 0.8), new ScoredPair(1, 2, 10, 0.9)], minimumWeight: 10);
        c.Groups().ShouldBe([[1, 2]]);
    }
}

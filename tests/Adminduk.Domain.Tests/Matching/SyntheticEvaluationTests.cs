using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Evaluation;
using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Matching.Verification;

namespace Adminduk.Domain.Tests.Matching;

/// <summary>A small synthetic set end to end (the 10,000-person figures come from the benchmark command).</summary>
public class SyntheticEvaluationTests
{
    [Fact]
    public void A_small_set_is_verified_with_high_quality_and_every_measure_is_filled()
    {
        var set = SyntheticPopulation.Generate(new SyntheticOptions { Households = 500, HardNegativePairsPerKind = 20, Seed = 5 });
        var report = SyntheticEvaluation.Run(set);
        report.Overall.F1.ShouldBeGreaterThanOrEqualTo(0.97, report.Overall.ToString());
        report.ByKind.Keys.ShouldBe(SyntheticPopulation.CopyKinds.Append(PlantedError.MalformedNik).Append(PlantedError.BirthDateTypo), ignoreOrder: true);
        report.HardNegatives.Keys.ShouldBe(Enum.GetValues<HardNegativeKind>(), ignoreOrder: true);
        report.HardNegatives.Values.ShouldAllBe(h => h.RowPairs >= 20);
        report.HardNegativesAll.Precision.ShouldBeGreaterThanOrEqualTo(0.95);
        report.Rules[VerdictCodes.Deceased].Recall.ShouldBeGreaterThan(0.95);
        report.Rules[VerdictCodes.HouseholdMultiple].F1.ShouldBeGreaterThan(0.9);
        report.Ties.Wrong.ShouldBeLessThanOrEqualTo(report.Ties.Right / 100);
        report.Result.Rows.Count.ShouldBe(set.Rows.Count);
    }

    [Fact]
    public void Without_the_register_and_with_a_careless_threshold_the_measures_show_the_damage()
    {
        var set = SyntheticPopulation.Generate(new SyntheticOptions { Households = 300, HardNegativePairsPerKind = 20, Seed = 6 });
        var careless = MatchOptions.Default with { SureThreshold = 0.01, ReviewThreshold = 0.001 };
        var result = ListVerifier.Verify(set.Lists, [.. set.ListRows], new InMemoryRegister([]), new VerificationOptions { Matching = careless, Today = set.Options.Today });
        var report = SyntheticEvaluation.Measure(set, result);
        report.Overall.Precision.ShouldBeLessThan(0.9);
        report.HardNegatives.Values.Sum(h => h.Merged).ShouldBeGreaterThan(10);
        report.Ties.ShouldBe((0, 0, set.Rows.Count(r => r.InRegister)));
        report.Rules[VerdictCodes.Deceased].Recall.ShouldBe(0);
    }
}

using System.Text;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Tests.Matching.Synthetic;

public sealed class SyntheticSetFixture
{
    public SyntheticDataSet Set { get; } = SyntheticPopulation.Generate();
}

public class SyntheticPopulationTests(SyntheticSetFixture fixture) : IClassFixture<SyntheticSetFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private SyntheticDataSet Set => fixture.Set;

    private Dictionary<string, RegisterEntry> ById => Set.Register.ToDictionary(e => e.Person.Id, StringComparer.Ordinal);

    [Fact]
    public void The_default_set_has_at_least_ten_thousand_people_and_rows()
    {
        Set.People.ShouldBeGreaterThanOrEqualTo(10_000);
        Set.Register.Count.ShouldBeGreaterThanOrEqualTo(10_000);
        Set.Rows.Count.ShouldBeGreaterThanOrEqualTo(10_000);
        Set.Lists.Select(l => (l.Id, l.PaidPerFamily)).ShouldBe([("PKH", true), ("PBI", false)]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_set_and_another_seed_another()
    {
        var small = new SyntheticOptions { Households = 300, HardNegativePairsPerKind = 10 };
        var a = Fingerprint(SyntheticPopulation.Generate(small));
        var b = Fingerprint(SyntheticPopulation.Generate(small));
        var c = Fingerprint(SyntheticPopulation.Generate(small with { Seed = 7 }));
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void Register_niks_are_unique_valid_and_carry_the_birth_date_and_sex()
    {
        Set.Register.Select(e => e.Person.Nik).Distinct(StringComparer.Ordinal).Count().ShouldBe(Set.Register.Count);
        foreach (var entry in Set.Register)
        {
            var p = entry.Person;
            var nik = Nik.Parse(p.Nik, Today);
            nik.Errors.ShouldBeEmpty(p.Nik);
            nik.BirthDate.ShouldBe(p.BirthDate);
            nik.Sex.ShouldBe(p.Sex);
            nik.Digits![..6].ShouldBe(p.RegionCode![..6]);
            KkNumber.Parse(p.KkNumber, Today).Errors.ShouldBeEmpty(p.KkNumber);
        }
    }

    [Fact]
    public void Statuses_follow_the_configured_rates()
    {
        var n = (double)Set.Register.Count;
        (Set.CountStatus(ResidentStatus.Deceased) / n).ShouldBeInRange(0.015, 0.05);
        (Set.CountStatus(ResidentStatus.MovedOut) / n).ShouldBeInRange(0.02, 0.04);
    }

    [Fact]
    public void Row_ids_are_unique_and_copies_point_at_the_original_row_of_the_same_person()
    {
        var rows = Set.Rows.ToDictionary(r => r.Row.Record.Id, StringComparer.Ordinal);
        rows.Count.ShouldBe(Set.Rows.Count);
        foreach (var copy in Set.Rows.Where(r => r.Role == SyntheticRowRole.Copy))
        {
            var original = rows[copy.OriginalRowId!];
            original.Role.ShouldNotBe(SyntheticRowRole.Copy);
            original.PersonId.ShouldBe(copy.PersonId);
        }

        Set.Rows.Where(r => r.Role != SyntheticRowRole.Copy).Select(r => r.OriginalRowId).ShouldAllBe(id => id == null);
    }

    [Fact]
    public void Every_copy_carries_exactly_one_kind_and_each_kind_is_planted_often_enough()
    {
        var copies = Set.Rows.Where(r => r.Role == SyntheticRowRole.Copy).ToList();
        copies.ShouldAllBe(c => SyntheticPopulation.CopyKinds.Contains(c.Errors));
        foreach (var kind in SyntheticPopulation.CopyKinds)
        {
            copies.Count(c => c.Errors == kind).ShouldBeGreaterThanOrEqualTo(120, kind.ToString());
        }

        var originals = Set.Rows.Count(r => r.Role != SyntheticRowRole.Copy);
        var expected = Set.Options.DuplicateRate * (1 + Set.Options.SecondCopyRate);
        ((double)copies.Count / originals).ShouldBeInRange(expected * 0.85, expected * 1.15);
    }

    [Fact]
    public void Each_planted_kind_really_differs_from_the_register_as_claimed()
    {
        var byId = ById;
        foreach (var row in Set.Rows.Where(r => r.InRegister && r.Role == SyntheticRowRole.Copy))
        {
            var truth = byId[row.PersonId].Person;
            var r = row.Row.Record;
            switch (row.Errors)
            {
                case PlantedError.SwappedDayMonth:
                    r.BirthDate.ShouldBe(new DateOnly(truth.BirthDate!.Value.Year, truth.BirthDate.Value.Day, truth.BirthDate.Value.Month));
                    r.BirthDate.ShouldNotBe(truth.BirthDate);
                    break;
                case PlantedError.WrongNikDigit:
                    r.Nik!.Length.ShouldBe(16);
                    r.Nik.Zip(truth.Nik!).Count(p => p.First != p.Second).ShouldBe(1);
                    break;
                case PlantedError.MissingNik:
                    string.IsNullOrWhiteSpace(r.Nik?.Replace("-", "", StringComparison.Ordinal)).ShouldBeTrue();
                    break;
                case PlantedError.OtherAddress:
                    r.RegionCode.ShouldNotBe(truth.RegionCode);
                    r.Nik.ShouldBe(truth.Nik);
                    break;
                case PlantedError.Title:
                    Plain(r.Name).ShouldNotBe(Plain(truth.Name));
                    Plain(r.Name).ShouldContain(Plain(truth.Name));
                    break;
                case PlantedError.NameVariant:
                case PlantedError.Typo:
                    Plain(r.Name).ShouldNotBe(Plain(truth.Name));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected copy kind {row.Errors}.");
            }

            if (row.Errors is not (PlantedError.NameVariant or PlantedError.Typo or PlantedError.Title))
            {
                Plain(r.Name).ShouldBe(Plain(truth.Name));
            }
        }
    }

    [Fact]
    public void Original_rows_carry_the_base_errors_at_their_rates()
    {
        var originals = Set.Rows.Where(r => r.Role != SyntheticRowRole.Copy).ToList();
        double Rate(PlantedError e) => (double)originals.Count(r => r.Errors.HasFlag(e)) / originals.Count;
        Rate(PlantedError.MalformedNik).ShouldBeInRange(0.01, 0.03);
        Rate(PlantedError.MissingNik).ShouldBeInRange(0.02, 0.04);
        Rate(PlantedError.Typo).ShouldBeInRange(0.01, 0.03);
        Rate(PlantedError.BirthDateTypo).ShouldBeInRange(0.01, 0.03);
        foreach (var row in originals.Where(r => r.Errors.HasFlag(PlantedError.MalformedNik)))
        {
            Nik.Parse(row.Row.Record.Nik, Today).Valid.ShouldBeFalse(row.Row.Record.Nik);
        }
    }

    [Fact]
    public void Hard_negatives_look_alike_but_are_different_people()
    {
        var byId = ById;
        foreach (var kind in Enum.GetValues<HardNegativeKind>())
        {
            Set.HardNegatives.Count(h => h.Kind == kind).ShouldBe(Set.Options.HardNegativePairsPerKind, kind.ToString());
        }

        foreach (var pair in Set.HardNegatives)
        {
            var a = byId[pair.PersonIdA].Person;
            var b = byId[pair.PersonIdB].Person;
            a.Nik.ShouldNotBe(b.Nik);
            switch (pair.Kind)
            {
                case HardNegativeKind.SameNameAndBirthDate:
                    b.Name.ShouldBe(a.Name);
                    b.BirthDate.ShouldBe(a.BirthDate);
                    b.KkNumber.ShouldNotBe(a.KkNumber);
                    break;
                case HardNegativeKind.FatherAndSonSameName:
                    b.Name.ShouldBe(a.Name);
                    b.KkNumber.ShouldBe(a.KkNumber);
                    (a.BirthDate < b.BirthDate).ShouldBeTrue();
                    a.Sex.ShouldBe(Sex.Male);
                    b.Sex.ShouldBe(Sex.Male);
                    break;
                case HardNegativeKind.Twins:
                    b.BirthDate.ShouldBe(a.BirthDate);
                    b.KkNumber.ShouldBe(a.KkNumber);
                    b.Name.ShouldNotBe(a.Name);
                    break;
            }
        }

        var listed = Set.Rows.Select(r => r.PersonId).ToHashSet(StringComparer.Ordinal);
        Set.HardNegatives.ShouldAllBe(h => listed.Contains(h.PersonIdA) && listed.Contains(h.PersonIdB));
    }

    [Fact]
    public void Most_twins_have_names_one_or_two_letters_apart()
    {
        var byId = ById;
        var twins = Set.HardNegatives.Where(h => h.Kind == HardNegativeKind.Twins).ToList();
        var close = twins.Count(t => Differences(byId[t.PersonIdA].Person.Name!, byId[t.PersonIdB].Person.Name!) <= 2);
        ((double)close / twins.Count).ShouldBeGreaterThan(0.4);
    }

    [Fact]
    public void Extra_household_members_share_a_kk_with_another_person_on_the_per_family_list()
    {
        var byId = ById;
        var pkh = Set.Rows.Where(r => r.Row.ListId == SyntheticPopulation.PerFamilyListId && r.InRegister).ToList();
        var extras = pkh.Where(r => r.Role == SyntheticRowRole.ExtraHouseholdMember).ToList();
        extras.Count.ShouldBeGreaterThan(50);
        foreach (var extra in extras)
        {
            var kk = byId[extra.PersonId].Person.KkNumber;
            pkh.ShouldContain(r => r.PersonId != extra.PersonId && byId[r.PersonId].Person.KkNumber == kk);
        }
    }

    [Fact]
    public void People_outside_the_register_have_niks_the_register_does_not_hold()
    {
        var registered = Set.Register.Select(e => e.Person.Nik).ToHashSet(StringComparer.Ordinal);
        var outside = Set.Rows.Where(r => !r.InRegister && r.Role == SyntheticRowRole.Original && r.Errors == PlantedError.None).ToList();
        outside.Count.ShouldBeGreaterThan(200);
        outside.ShouldAllBe(r => !registered.Contains(r.Row.Record.Nik!));
        outside.ShouldAllBe(r => Nik.Parse(r.Row.Record.Nik, Today).Valid);
        Set.Outsiders.ShouldBe(Set.Rows.Where(r => !r.InRegister).Select(r => r.PersonId).Distinct().Count());
    }

    private static string Plain(string? name) =>
        string.Join(' ', (name ?? "").ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int Differences(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Fingerprint(SyntheticDataSet set)
    {
        var sb = new StringBuilder();
        foreach (var e in set.Register)
        {
            sb.Append(e.Person).Append(e.Status).Append('\n');
        }

        foreach (var r in set.Rows)
        {
            sb.Append(r).Append('\n');
        }

        return sb.ToString();
    }
}

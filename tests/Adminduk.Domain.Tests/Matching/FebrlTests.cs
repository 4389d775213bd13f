using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Evaluation;

namespace Adminduk.Domain.Tests.Matching;

public class FebrlTests
{
    /// <summary>The repository copy (tests never read ../shared).</summary>
    internal static string DataFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Adminduk.slnx")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("repository root not found above the test binaries");
        return Path.Combine(dir.FullName, "tests", "Adminduk.Domain.Tests", "Matching", "Data", "febrl", name);
    }

    [Fact]
    public void The_reader_maps_febrl_fields_and_ground_truth()
    {
        using var reader = new StringReader(
            "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\n"
            + "rec-223-org, , waller, 6, tullaroop street, willaroo, st james, 4011, wa, 19081209, 6988048\n"
            + "rec-223-dup-0, kayla, waller, , tullaroop street, , st james, 4011, wa, 19081309, 6988048\n");
        var records = FebrlRecords.Read(reader);
        records.Count.ShouldBe(2);
        var org = records[0].Person;
        org.Id.ShouldBe("rec-223-org");
        org.Name.ShouldBe("waller");
        org.Address.ShouldBe("6 tullaroop street willaroo st james");
        org.RegionCode.ShouldBe("4011");
        org.BirthDate.ShouldBe(new DateOnly(1908, 12, 9));
        org.Nik.ShouldBe("6988048");
        records[1].Person.Name.ShouldBe("kayla waller");
        records[1].Person.BirthDate.ShouldBeNull(); // month 13
        records.Select(r => r.Entity).ShouldBe(["223", "223"]);
    }

    [Theory]
    [InlineData("rec_id, given_name\nrec-1-org, x\n")]
    [InlineData("rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\nrec-1-org, x\n")]
    public void Other_files_are_refused(string text) =>
        Should.Throw<FormatException>(() => FebrlRecords.Read(new StringReader(text)));

    [Theory]
    [InlineData("rec-12-org", "12")]
    [InlineData("rec-12-dup-3", "12")]
    public void Entities_come_from_the_record_id(string id, string entity) => FebrlRecords.Entity(id).ShouldBe(entity);

    [Fact]
    public void Dataset1_duplicates_are_found_with_f1_of_at_least_0_95()
    {
        using var reader = new StreamReader(DataFile("dataset1.csv"));
        var records = FebrlRecords.Read(reader);
        records.Count.ShouldBe(1000);
        var result = Deduplicator.Run(records.Select(r => r.Person).ToList());
        var m = PairMetrics.Compare(result.Clusters, records.Select(r => r.Entity).ToList());
        m.F1.ShouldBeGreaterThanOrEqualTo(0.95, m.ToString());
        // Blocking keeps the work near linear: far fewer than the 499,500 pairs of comparing everything.
        result.Compared.ShouldBeLessThan(5_000);
    }
}

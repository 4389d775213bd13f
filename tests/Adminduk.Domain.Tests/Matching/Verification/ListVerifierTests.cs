using System.Globalization;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Tests.Matching.Verification;

public class ListVerifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly AidList PerFamily = new("PKH", PaidPerFamily: true);
    private static readonly AidList PerPerson = new("PBI", PaidPerFamily: false);

    // One kelurahan block in Balikpapan Selatan; KK numbers issued 2015.
    private static readonly RegisterEntry Budi = Person("P1", "BUDI SANTOSO", Sex.Male, "1985-03-09", 1, "K1", "JL. SUDIRMAN NO. 10 RT 005", "6471051001");
    private static readonly RegisterEntry Siti = Person("P2", "SITI AMINAH", Sex.Female, "1987-07-21", 1, "K1", "JL. SUDIRMAN NO. 10 RT 005", "6471051001");
    private static readonly RegisterEntry Ahmad = Person("P3", "AHMAD DAHLAN", Sex.Male, "1950-01-01", 1, "K2", "JL. MELATI NO. 3 RT 010", "6471051002", ResidentStatus.Deceased);
    private static readonly RegisterEntry Rina = Person("P4", "RINA WATI", Sex.Female, "2010-05-05", 1, "K3", "JL. KENANGA NO. 7 RT 002", "6471051003");
    private static readonly RegisterEntry Rini = Person("P5", "RINI WATI", Sex.Female, "2010-05-05", 2, "K3", "JL. KENANGA NO. 7 RT 002", "6471051003");
    private static readonly RegisterEntry Father = Person("P6", "MUHAMMAD RIZKI", Sex.Male, "1970-02-10", 1, "K4", "JL. ANGGREK NO. 5 RT 007", "6471051004");
    private static readonly RegisterEntry Son = Person("P7", "MUHAMMAD RIZKI", Sex.Male, "1995-06-15", 1, "K4", "JL. ANGGREK NO. 5 RT 007", "6471051004");
    private static readonly RegisterEntry Yusuf = Person("P8", "YUSUF IBRAHIM", Sex.Male, "1980-11-30", 1, "K5", "JL. FLAMBOYAN NO. 2 RT 003", "6471051006", ResidentStatus.MovedOut);
    private static readonly RegisterEntry Dewi = Person("P9", "DEWI LESTARI", Sex.Female, "1990-04-12", 1, "K6", "JL. MAWAR NO. 1 RT 001", "6471051005");

    private static readonly InMemoryRegister Register = new([Budi, Siti, Ahmad, Rina, Rini, Father, Son, Yusuf, Dewi]);

    [Fact]
    public void A_row_that_agrees_with_the_register_and_is_listed_once_is_valid_and_unique()
    {
        var result = Verify(("PBI", Row("r1", Budi)));
        var v = result.Rows[0];
        v.Status.ShouldBe(RowStatus.Valid);
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.Valid]);
        v.Link.ShouldBe(RegisterLink.Nik);
        v.Register.ShouldBe(Budi);
        v.Group.ShouldBeNull();
        v.Findings[0].Message.ShouldStartWith("Sah dan unik");
    }

    [Fact]
    public void Titles_case_and_old_spelling_do_not_make_the_data_differ()
    {
        var result = Verify(("PBI", Row("r1", Budi) with { Name = "Drs. Boedi Santoso, M.Si." }));
        result.Rows[0].Status.ShouldBe(RowStatus.Valid);
    }

    [Fact]
    public void A_malformed_nik_is_reported_with_the_rule_it_breaks_and_the_person_is_still_found()
    {
        var result = Verify(("PBI", Row("r1", Budi) with { Nik = "647105090385001" }));
        var v = result.Rows[0];
        var finding = v.Findings.Single(f => f.Code == VerdictCodes.NikMalformed);
        finding.NikIssues.Select(i => i.Code).ShouldBe([NumberIssueCodes.NikLength]);
        finding.Message.ShouldContain("16");
        finding.MessageEnglish.ShouldStartWith("Invalid NIK:");
        v.Link.ShouldBe(RegisterLink.Fuzzy);
        v.Register.ShouldBe(Budi);
        v.Status.ShouldBe(RowStatus.Problem);
    }

    [Fact]
    public void A_wellformed_nik_nobody_in_the_register_holds_is_not_in_the_register()
    {
        var stranger = new PersonRecord("r1")
        {
            Name = "JOKO SUSILO",
            Nik = "6471050903850099",
            BirthDate = Date("1985-03-09"),
            Address = "Jl. Cendana 4",
            RegionCode = "6471051007",
        };
        var v = Verify(("PBI", stranger)).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikNotInRegister]);
        v.Findings[0].Arguments.ShouldBe(["647105******0099"]);
        v.Link.ShouldBe(RegisterLink.None);
    }

    [Fact]
    public void A_missing_nik_is_reported_with_the_register_nik_when_the_person_is_found()
    {
        var v = Verify(("PBI", Row("r1", Budi) with { Nik = "-" })).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissingFound]);
        v.Findings[0].Arguments.ShouldBe(["647105******0001"]);
        v.Link.ShouldBe(RegisterLink.Fuzzy);
        v.Register.ShouldBe(Budi);
    }

    [Fact]
    public void A_missing_nik_of_someone_the_register_does_not_know_is_not_found()
    {
        var stranger = new PersonRecord("r1") { Name = "JOKO SUSILO", BirthDate = Date("1961-01-02"), Address = "Jl. Cendana 4", RegionCode = "6471051007" };
        Verify(("PBI", stranger)).Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissing, VerdictCodes.NotFound]);
    }

    [Fact]
    public void A_nik_one_digit_off_is_a_typing_error_and_the_person_is_found_by_name_birth_date_and_address()
    {
        var v = Verify(("PBI", Row("r1", Budi) with { Nik = "6471050903850007" })).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMistyped]);
        v.Findings[0].Arguments.ShouldBe(["647105******0007", "647105******0001"]);
        v.Register.ShouldBe(Budi);
    }

    [Fact]
    public void Someone_elses_nik_is_reported_and_the_row_is_tied_to_its_own_person()
    {
        var v = Verify(("PBI", Row("r1", Budi) with { Nik = Dewi.Person.Nik })).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikOtherPerson]);
        v.Register.ShouldBe(Budi);
        v.Link.ShouldBe(RegisterLink.Fuzzy);
    }

    [Fact]
    public void A_registered_nik_on_a_row_that_is_clearly_someone_else_is_not_tied_to_its_holder()
    {
        var stranger = new PersonRecord("r1") { Name = "JOKO SUSILO", Nik = Ahmad.Person.Nik, BirthDate = Date("1961-01-02"), Sex = Sex.Male };
        var v = Verify(("PBI", stranger)).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikHolderDiffers]);
        v.Findings[0].Message.ShouldBe("NIK 647105******0001 terdaftar atas nama orang lain; data baris ini tidak cocok dengan pemegang NIK tersebut.");
        v.Register.ShouldBeNull();
        v.Has(VerdictCodes.Deceased).ShouldBeFalse();
    }

    [Fact]
    public void Deceased_and_moved_out_people_are_reported()
    {
        var result = Verify(("PBI", Row("r1", Ahmad)), ("PBI", Row("r2", Yusuf)));
        result.Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.Deceased]);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.MovedOut]);
        result.Rows[0].Findings[0].Message.ShouldBe("Menurut register sudah meninggal dunia.");
    }

    [Fact]
    public void Data_that_differs_from_the_register_names_the_fields()
    {
        var row = Row("r1", Budi) with
        {
            BirthDate = Date("1985-03-19"),
            Address = "Jl. Mawar No. 1 RT 001",
            RegionCode = "6471051005",
            KkNumber = "6471050101150009",
        };
        var v = Verify(("PBI", row)).Rows[0];
        var differs = v.Findings.Single(f => f.Code == VerdictCodes.DataDiffers);
        differs.Fields.ShouldBe([MatchField.BirthDate, MatchField.Address, MatchField.Region]);
        differs.KkDiffers.ShouldBeTrue();
        differs.Message.ShouldBe("Data berbeda dengan register: tanggal lahir, alamat, kelurahan, nomor KK.");
        differs.MessageEnglish.ShouldBe("Data differs from the register: date of birth, address, kelurahan (urban village), family card number.");
        v.Register.ShouldBe(Budi);
    }

    [Fact]
    public void A_name_typo_is_a_difference_in_the_name()
    {
        var v = Verify(("PBI", Row("r1", Budi) with { Name = "BUDI SANTSO" })).Rows[0];
        v.Findings.Single(f => f.Code == VerdictCodes.DataDiffers).Fields.ShouldBe([MatchField.Name]);
    }

    [Fact]
    public void The_same_nik_within_a_list_and_across_lists_is_a_duplicate()
    {
        var result = Verify(("PBI", Row("r1", Budi)), ("PBI", Row("r2", Budi)), ("PKH", Row("r3", Budi)));
        result.DuplicateGroups.Count.ShouldBe(1);
        result.DuplicateGroups[0].ShouldBe([0, 1, 2]);
        foreach (var v in result.Rows)
        {
            v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.DuplicateSameNik]);
            v.Group.ShouldBe(0);
        }

        result.Rows[0].Findings[0].OtherRows.ShouldBe(["r2", "r3"]);
        result.Rows[0].Findings[0].Message.ShouldBe("Duplikat: NIK yang sama tercatat di baris r2, r3.");
    }

    [Fact]
    public void The_same_register_person_under_a_mistyped_nik_is_a_duplicate_too()
    {
        var result = Verify(("PBI", Row("r1", Budi)), ("PKH", Row("r2", Budi) with { Nik = "6471050903850007", Name = "Boedi Santoso" }));
        result.Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.DuplicateSamePerson]);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMistyped, VerdictCodes.DuplicateSamePerson]);
        result.Rows[1].Group.ShouldBe(result.Rows[0].Group);
    }

    [Fact]
    public void Rows_of_someone_outside_the_register_are_matched_to_each_other_by_name_birth_date_and_address()
    {
        var a = new PersonRecord("r1") { Name = "JOKO SUSILO", Nik = "6471050903850099", BirthDate = Date("1961-01-02"), Address = "Jl. Cendana No. 4 RT 001", RegionCode = "6471051007" };
        var b = new PersonRecord("r2") { Name = "Djoko Soesilo", BirthDate = Date("1961-01-02"), Address = "JL CENDANA 4 RT 01", RegionCode = "6471051007" };
        var result = Verify(("PBI", a), ("PBI", b));
        result.Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikNotInRegister, VerdictCodes.DuplicateFuzzy]);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissing, VerdictCodes.NotFound, VerdictCodes.DuplicateFuzzy]);
    }

    [Fact]
    public void The_same_person_at_two_addresses_is_reported_on_both_rows()
    {
        var elsewhere = Row("r2", Budi) with { Address = "Jl. Anggrek No. 9 RT 012", RegionCode = "6471011002" };
        var result = Verify(("PBI", Row("r1", Budi)), ("PKH", elsewhere));
        result.Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.DuplicateSameNik, VerdictCodes.TwoAddresses]);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.DataDiffers, VerdictCodes.DuplicateSameNik, VerdictCodes.TwoAddresses]);
        result.Rows[0].Findings[1].OtherRows.ShouldBe(["r2"]);
    }

    [Fact]
    public void The_same_address_written_another_way_is_not_a_second_address()
    {
        var result = Verify(("PBI", Row("r1", Budi)), ("PBI", Row("r2", Budi) with { Address = "JALAN SUDIRMAN 10, RT.05" }));
        result.Rows.ShouldAllBe(v => !v.Has(VerdictCodes.TwoAddresses));
    }

    [Fact]
    public void Two_members_of_one_kk_on_a_per_family_list_are_reported_but_not_on_a_per_person_list()
    {
        var result = Verify(("PKH", Row("r1", Budi)), ("PKH", Row("r2", Siti) with { KkNumber = null }), ("PBI", Row("r3", Father)), ("PBI", Row("r4", Son)));
        var household = result.Rows[0].Findings.Single(f => f.Code == VerdictCodes.HouseholdMultiple);
        household.Arguments.ShouldBe(["647105******0001", "r2"]);
        household.Message.ShouldBe("Lebih dari satu anggota satu KK (647105******0001) menerima bantuan yang dibayar per keluarga: lihat baris r2.");
        result.Rows[1].Has(VerdictCodes.HouseholdMultiple).ShouldBeTrue();
        result.Rows[2].Status.ShouldBe(RowStatus.Valid);
        result.Rows[3].Status.ShouldBe(RowStatus.Valid);
    }

    [Fact]
    public void The_kk_on_the_row_counts_for_people_the_register_does_not_know()
    {
        var a = new PersonRecord("r1") { Name = "JOKO SUSILO", Nik = "6471050903850099", KkNumber = "6471050101150077", BirthDate = Date("1961-01-02") };
        var b = new PersonRecord("r2") { Name = "SRI MULYANI", Nik = "6471054203650099", KkNumber = "6471050101150077", BirthDate = Date("1965-03-02") };
        var result = Verify(("PKH", a), ("PKH", b));
        result.Rows.ShouldAllBe(v => v.Has(VerdictCodes.HouseholdMultiple));
    }

    [Fact]
    public void Twins_stay_two_people_with_or_without_a_nik()
    {
        var result = Verify(("PBI", Row("r1", Rina)), ("PBI", Row("r2", Rini)), ("PKH", Row("r3", Rini) with { Nik = "" }));
        result.Rows[0].Status.ShouldBe(RowStatus.Valid);
        result.Rows[0].Group.ShouldBeNull();
        result.Rows[1].Group.ShouldNotBeNull();
        result.Rows[2].Group.ShouldBe(result.Rows[1].Group);
        result.Rows[2].Register.ShouldBe(Rini);
    }

    [Fact]
    public void A_father_and_son_of_the_same_name_stay_two_people()
    {
        var result = Verify(("PBI", Row("r1", Father)), ("PBI", Row("r2", Son) with { Nik = null }));
        result.Rows[0].Status.ShouldBe(RowStatus.Valid);
        result.Rows[1].Register.ShouldBe(Son);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissingFound]);
        result.DuplicateGroups.ShouldBeEmpty();
    }

    [Fact]
    public void A_row_between_two_register_people_goes_to_review_instead_of_being_tied_to_either()
    {
        var v = Verify(("PBI", Row("r1", Rina) with { Nik = null, Name = "RIN WATI" })).Rows[0];
        v.Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissing, VerdictCodes.RegisterReview]);
        v.Findings[1].Arguments.ShouldBe(["2"]);
        v.Status.ShouldBe(RowStatus.Problem);
        v.Register.ShouldBeNull();
    }

    [Fact]
    public void Rows_alike_in_name_and_birth_date_but_not_in_place_go_to_review()
    {
        var a = new PersonRecord("r1") { Name = "JOKO SUSILO", BirthDate = Date("1961-01-02"), Address = "Jl. Cendana No. 4 RT 001", RegionCode = "6471051007" };
        var b = new PersonRecord("r2") { Name = "JOKO SUSILO", BirthDate = Date("1961-01-02"), Address = "Jl. Beller No. 80 RT 030", RegionCode = "6471031002" };
        var result = Verify(("PBI", a), ("PBI", b));
        result.Rows[0].Has(VerdictCodes.DuplicateReview).ShouldBeTrue();
        result.Rows[1].Findings.Single(f => f.Code == VerdictCodes.DuplicateReview).OtherRows.ShouldBe(["r1"]);
        result.DuplicateGroups.ShouldBeEmpty();
        result.Reviews.ShouldContain(r => r.Row == 0 && r.OtherRow == 1);
    }

    [Fact]
    public void One_nik_on_rows_of_two_people_is_reported_as_shared()
    {
        var result = Verify(("PBI", Row("r1", Budi)), ("PBI", Row("r2", Dewi) with { Nik = Budi.Person.Nik }));
        result.Rows[0].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikShared]);
        result.Rows[1].Findings.Select(f => f.Code).ShouldBe([VerdictCodes.NikOtherPerson, VerdictCodes.NikShared]);
        result.Rows[1].Register.ShouldBe(Dewi);
        result.DuplicateGroups.ShouldBeEmpty();
    }

    [Fact]
    public void Counts_per_code_and_progress_are_given()
    {
        var progress = new List<int>();
        var rows = new List<ListRow> { new("PBI", Row("r1", Budi)), new("PBI", Row("r2", Budi)), new("PBI", Row("r3", Ahmad)) };
        var result = ListVerifier.Verify([PerPerson], rows, Register, new VerificationOptions { Today = Today, BatchSize = 2 }, new SyncProgress(progress));
        result.CountByCode[VerdictCodes.DuplicateSameNik].ShouldBe(2);
        result.CountByCode[VerdictCodes.Deceased].ShouldBe(1);
        progress.ShouldBe([2, 3]);
        result.Clusters().ShouldBe([0, 0, 1]);
    }

    private static VerificationResult Verify(params (string List, PersonRecord Row)[] rows) =>
        ListVerifier.Verify([PerFamily, PerPerson], [.. rows.Select(r => new ListRow(r.List, r.Row))], Register, new VerificationOptions { Today = Today });

    private static PersonRecord Row(string id, RegisterEntry entry) => entry.Person with
    {
        Id = id,
        Name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(entry.Person.Name!.ToLowerInvariant()),
        Address = entry.Person.Address!.Replace("JL.", "Jl.", StringComparison.Ordinal),
    };

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RegisterEntry Person(string id, string name, Sex sex, string birth, int serial, string kk, string address, string region, ResidentStatus status = ResidentStatus.Alive)
    {
        var born = Date(birth);
        var kkSerial = int.Parse(kk[1..], CultureInfo.InvariantCulture);
        return new RegisterEntry(
            new PersonRecord(id)
            {
                Name = name,
                Nik = NumberComposer.Nik("647105", born, sex, serial),
                KkNumber = NumberComposer.KkNumber("647105", new DateOnly(2015, 1, 1), kkSerial),
                BirthDate = born,
                Sex = sex,
                Address = address,
                RegionCode = region,
            },
            status);
    }

    private sealed class SyncProgress(List<int> into) : IProgress<int>
    {
        public void Report(int value) => into.Add(value);
    }
}

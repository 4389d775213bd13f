using System.Text;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.ListVerification;
using MiniExcelLibs;

namespace Adminduk.Web.Tests.Features.ListVerification;

public sealed class ListInputTests
{
    [Fact]
    public void Usual_headers_map_to_fields_whatever_their_case_and_punctuation()
    {
        var mapping = ColumnMapping.Detect(["No.", "N I K", "Nama Lengkap", "No_KK", "Tgl. Lahir", "ALAMAT", "Desa/Kelurahan", "JK", "Keterangan"]);

        mapping[ListField.Nik].ShouldBe("N I K");
        mapping[ListField.Name].ShouldBe("Nama Lengkap");
        mapping[ListField.KkNumber].ShouldBe("No_KK");
        mapping[ListField.BirthDate].ShouldBe("Tgl. Lahir");
        mapping[ListField.Address].ShouldBe("ALAMAT");
        mapping[ListField.Region].ShouldBe("Desa/Kelurahan");
        mapping[ListField.Sex].ShouldBe("JK");
        mapping.IsComplete.ShouldBeTrue();
        ColumnMapping.FromJson(mapping.ToJson()).Columns.ShouldBe(mapping.Columns, ignoreOrder: true);
    }

    [Fact]
    public void A_mapping_needs_a_name_and_one_identifying_field()
    {
        ColumnMapping.Detect(["No Induk", "Nama Penerima"]).IsComplete.ShouldBeFalse();
        ColumnMapping.Detect(["NIK", "Penerima"]).IsComplete.ShouldBeFalse();
        ColumnMapping.Detect(["Nama", "Alamat"]).IsComplete.ShouldBeTrue();
    }

    [Theory]
    [InlineData("14-02-1980", 1980, 2, 14)]
    [InlineData("14/2/1980", 1980, 2, 14)]
    [InlineData("1980-02-14", 1980, 2, 14)]
    [InlineData("14 Februari 1980", 1980, 2, 14)]
    [InlineData("14 Feb 1980", 1980, 2, 14)]
    [InlineData("29221", 1980, 1, 1)]
    public void Dates_are_read_in_the_forms_lists_use(string text, int year, int month, int day) =>
        ListValues.Date(text).ShouldBe(new DateOnly(year, month, day));

    [Theory]
    [InlineData("")]
    [InlineData("besok")]
    [InlineData("31-02-1980")]
    public void Unreadable_dates_are_missing_rather_than_guessed(string text) => ListValues.Date(text).ShouldBeNull();

    [Theory]
    [InlineData("L", Sex.Male)]
    [InlineData("Laki-laki", Sex.Male)]
    [InlineData("P", Sex.Female)]
    [InlineData("PEREMPUAN", Sex.Female)]
    [InlineData("?", null)]
    public void Sex_is_read_from_letters_or_words(string text, Sex? expected) => ListValues.Sex(text).ShouldBe(expected);

    [Fact]
    public void Csv_is_read_with_its_delimiter_quotes_and_line_numbers()
    {
        var csv = "\uFEFFNIK;NAMA;ALAMAT\r\n1;\"Siti; Aminah\";\"Jl. \"\"Mawar\"\"\n No. 5\"\r\n\r\n2;Budi\n";
        using var reader = TableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        reader.Headers.ShouldBe(["NIK", "NAMA", "ALAMAT"]);
        reader.Read(out var first).ShouldBeTrue();
        first.ShouldBe(["1", "Siti; Aminah", "Jl. \"Mawar\"\n No. 5"]);
        reader.Line.ShouldBe(2);
        reader.Read(out var second).ShouldBeTrue();
        second.ShouldBe(["2", "Budi", ""]);
        reader.Line.ShouldBe(4);
        reader.Read(out _).ShouldBeFalse();
    }

    [Fact]
    public void Xlsx_first_sheet_is_read_with_dates_and_numbers_as_text()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            MiniExcel.SaveAs(path, new[]
            {
                new Dictionary<string, object?> { ["NIK"] = "6471051402800001", ["NAMA"] = "Ahmad Fauzi", ["TGL_LAHIR"] = new DateTime(1980, 2, 14), ["ANAK"] = 3d },
            });
            using var reader = TableReader.Open(path, TableReader.FormatOf(path));

            reader.Headers.ShouldBe(["NIK", "NAMA", "TGL_LAHIR", "ANAK"]);
            reader.Read(out var row).ShouldBeTrue();
            row.ShouldBe(["6471051402800001", "Ahmad Fauzi", "1980-02-14", "3"]);
            reader.Read(out _).ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decisions_replace_the_review_findings_they_answer()
    {
        List<StoredFinding> original =
        [
            StoredFinding.From(new Finding(VerdictCodes.NikMissing)),
            StoredFinding.From(new Finding(VerdictCodes.RegisterReview, "1")),
            StoredFinding.From(new Finding(VerdictCodes.DuplicateReview, "1:7, 2:9") { OtherRows = ["1:7", "2:9"] }),
        ];
        ReviewRules.StatusOf(original).ShouldBe(RowStatus.Problem);

        var samePerson = ReviewRules.Effective(original, [new DecidedPair(PairDecisionKind.Duplicate, null, "647105******0001", ResidentStatus.Deceased)]);
        samePerson.Select(f => f.Code).ShouldBe([VerdictCodes.NikMissing, VerdictCodes.DuplicateReview, ReviewRules.SamePerson, VerdictCodes.Deceased]);
        samePerson.Single(f => f.Code == ReviewRules.SamePerson).Id.ShouldContain("647105******0001");

        var oneRowAnswered = ReviewRules.Effective(original, [new DecidedPair(PairDecisionKind.NotDuplicate, "1:7", null, null)]);
        var stillOpen = oneRowAnswered.Single(f => f.Code == VerdictCodes.DuplicateReview);
        stillOpen.OtherRows.ShouldBe(["2:9"]);
        stillOpen.Id.ShouldContain("2:9");
        stillOpen.Id.ShouldNotContain("1:7");
        oneRowAnswered.Single(f => f.Code == ReviewRules.NotDuplicate).En.ShouldContain("1:7");

        List<StoredFinding> onlyReview = [StoredFinding.From(new Finding(VerdictCodes.DuplicateReview, "1:7") { OtherRows = ["1:7"] })];
        ReviewRules.StatusOf(onlyReview).ShouldBe(RowStatus.Review);
        var cleared = ReviewRules.Effective(onlyReview, [new DecidedPair(PairDecisionKind.NotDuplicate, "1:7", null, null)]);
        ReviewRules.StatusOf(cleared).ShouldBe(RowStatus.Valid);
        var duplicate = ReviewRules.Effective(onlyReview, [new DecidedPair(PairDecisionKind.Duplicate, "1:7", null, null)]);
        duplicate.Select(f => f.Code).ShouldBe([ReviewRules.Duplicate]);
        ReviewRules.StatusOf(duplicate).ShouldBe(RowStatus.Problem);
        ReviewRules.StatusOf(ReviewRules.Effective([StoredFinding.From(new Finding(VerdictCodes.RegisterReview, "1"))], [new DecidedPair(PairDecisionKind.NotDuplicate, null, null, null)]))
            .ShouldBe(RowStatus.Problem, "not the register person: nobody in the register");
    }

    [Fact]
    public void Every_page_text_and_code_title_exists_in_both_languages()
    {
        var manager = new System.Resources.ResourceManager("Adminduk.Web.Resources.Features.ListVerification.ListVerificationPages", typeof(ListVerificationPages).Assembly);
        var indonesian = manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        var english = manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("en"), true, false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        english.ShouldBe(indonesian, ignoreOrder: true);
        foreach (var code in VerdictCodes.All.Concat([ReviewRules.SamePerson, ReviewRules.NotSamePerson, ReviewRules.Duplicate, ReviewRules.NotDuplicate]))
        {
            indonesian.ShouldContain("Code." + code);
        }

        foreach (var status in Enum.GetValues<VerificationRunStatus>())
        {
            indonesian.ShouldContain(ListVerificationPages.RunStatusKey(status));
        }

        foreach (var phase in Enum.GetValues<VerificationPhase>())
        {
            indonesian.ShouldContain(ListVerificationPages.PhaseKey(phase));
        }

        ReportWriter.HeadersFor(System.Globalization.CultureInfo.GetCultureInfo("en")).ShouldContain("Reasons");
        ReportWriter.HeadersFor(System.Globalization.CultureInfo.GetCultureInfo("id")).ShouldContain("Keterangan");
    }
}

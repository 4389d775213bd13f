using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;
using Adminduk.Web.Features.Documents;

namespace Adminduk.Web.Tests.Features.Documents;

public class DocumentRendererTests
{
    public static TheoryData<DocumentKind> Kinds => [.. Enum.GetValues<DocumentKind>()];

    [Theory, MemberData(nameof(Kinds))]
    public async Task Each_kind_renders_an_a4_pdf_with_selectable_text_and_a_readable_qr_code(DocumentKind kind)
    {
        var content = DocumentSamples.For(kind);

        var pdf = DocumentRenderer.Render(content, DocumentSamples.IssuedAt);

        pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();
        (await PdfTools.QrCodesOnFirstPageAsync(pdf)).ShouldBe([content.Header.VerificationUrl]);
        var text = await PdfTools.TextAsync(pdf);
        text.ShouldContain(DocumentLayouts.For(content).Title);
        text.ShouldContain(content.Header.Number);
        text.ShouldContain(content.Header.VerificationCode);
        text.ShouldContain("Balikpapan, 23 November 2026");
        text.ShouldContain("Dewi Operator");
        text.ShouldContain("PEMERINTAH KOTA BALIKPAPAN");
        // A4: 595 x 842 points, the family card in landscape as the real one.
        var (pages, width, height) = await PdfTools.PagesAsync(pdf);
        pages.ShouldBe(1);
        var (shortSide, longSide) = kind == DocumentKind.KartuKeluarga ? (height, width) : (width, height);
        shortSide.ShouldBe(595.28, 0.5);
        longSide.ShouldBe(841.89, 0.5);
    }

    [Fact]
    public async Task A_family_card_lists_every_member_in_both_tables()
    {
        var card = (FamilyCard)DocumentSamples.For(DocumentKind.KartuKeluarga);

        var text = await PdfTools.TextAsync(DocumentRenderer.Render(card, DocumentSamples.IssuedAt));

        foreach (var member in card.Members)
        {
            text.ShouldContain(member.Nik);
            CountOf(text, member.Name).ShouldBe(member.Name == card.HeadName ? 3 : 2);
        }

        text.ShouldContain("KEPALA KELUARGA");
        text.ShouldContain("DIPLOMA IV/STRATA I");
        text.ShouldContain("SEPINGGAN");
    }

    [Fact]
    public async Task A_long_family_card_continues_on_a_second_page_with_the_table_header_again()
    {
        var sample = (FamilyCard)DocumentSamples.For(DocumentKind.KartuKeluarga);
        var members = Enumerable.Range(1, 24).Select(i => sample.Members[0] with { Name = $"Anggota Keluarga Nomor {i}", Nik = $"64710509038500{i:00}" }).ToList();
        var card = sample with { Members = members };

        var pdf = DocumentRenderer.Render(card, DocumentSamples.IssuedAt);

        (await PdfTools.PagesAsync(pdf)).Pages.ShouldBeGreaterThan(1);
        var text = await PdfTools.TextAsync(pdf);
        members.ShouldAllBe(m => text.Contains(m.Nik, StringComparison.Ordinal));
        (await PdfTools.QrCodesOnFirstPageAsync(pdf)).ShouldBe([card.Header.VerificationUrl]);
    }

    [Fact]
    public void The_birth_certificate_says_who_was_born_where_and_to_whom()
    {
        var birth = (BirthCertificate)DocumentSamples.For(DocumentKind.AktaKelahiran);

        var statement = DocumentLayouts.For(birth).Blocks.OfType<ParagraphBlock>().First().Text;

        statement.ShouldBe("Berdasarkan Akta Kelahiran Nomor 6471-LT-23112026-0001, bahwa di Balikpapan pada tanggal 10 November 2026 telah lahir "
            + "AISYAH PUTRI SAPUTRA, anak ke-3, PEREMPUAN, dari ayah Andi Saputra dan ibu Siti Rahmawati.");
        var withoutFather = DocumentLayouts.For(birth with { FatherName = null, FatherNik = null }).Blocks.OfType<ParagraphBlock>().First().Text;
        withoutFather.ShouldEndWith("PEREMPUAN, dari ibu Siti Rahmawati.");
    }

    [Fact]
    public void Every_register_category_has_a_printed_label()
    {
        Enum[] values =
        [
            .. Enum.GetValues<Sex>().Cast<Enum>(), .. Enum.GetValues<Religion>().Cast<Enum>(), .. Enum.GetValues<MaritalStatus>().Cast<Enum>(),
            .. Enum.GetValues<Education>().Cast<Enum>(), .. Enum.GetValues<RelationshipToHead>().Cast<Enum>(), .. Enum.GetValues<Citizenship>().Cast<Enum>(),
        ];

        values.ShouldAllBe(v => DocumentText.Of(v).Length > 0);
        Enum.GetValues<DocumentKind>().ShouldAllBe(k => DocumentText.KindName(k).Length > 0);
    }

    [Fact]
    public void Verification_codes_carry_160_random_bits_in_url_safe_characters()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => VerificationCodes.New()).ToList();

        codes.Distinct().Count().ShouldBe(1000);
        codes.ShouldAllBe(c => c.Length == 27 && VerificationCodes.IsWellFormed(c));
        VerificationCodes.IsWellFormed("../../etc/passwd").ShouldBeFalse();
        VerificationCodes.IsWellFormed(codes[0] + "A").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Andi Saputra", "A*** S******")]
    [InlineData("Yohanes Pratama & Maria Lestari", "Y****** P****** & M**** L******")]
    [InlineData("I Gusti Ngurah Rai", "I G**** N***** R**")]
    public void Names_are_partly_masked(string name, string masked) => DocumentVerification.MaskName(name).ShouldBe(masked);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

using System.Globalization;
using Adminduk.Domain.Population;
using static Adminduk.Web.Features.Documents.DocumentText;

namespace Adminduk.Web.Features.Documents;

/// <summary>The layout of each kind of document, following the content of the real ones.</summary>
public static class DocumentLayouts
{
    public static DocumentLayout For(DocumentContent content) => content switch
    {
        BirthCertificate c => Birth(c),
        DeathCertificate c => Death(c),
        MarriageCertificate c => Marriage(c),
        DivorceCertificate c => Divorce(c),
        FamilyCard c => Family(c),
        MovingCertificate c => Moving(c),
        ResidenceCertificate c => Residence(c),
        TemporaryIdCertificate c => TemporaryId(c),
        PickupReceipt c => Pickup(c),
        _ => throw new ArgumentException($"No layout for {content.GetType().Name}.", nameof(content)),
    };

    private static DocumentLayout Birth(BirthCertificate c)
    {
        var father = c.FatherName is null ? Get("Birth.NoFather") : Get("Birth.FatherPart", c.FatherName);
        return new(c.Header, Get("Title.AktaKelahiran"), Get("NumberLine.Akta", c.Header.Number),
        [
            new ParagraphBlock(Get("Birth.Statement", c.Header.Number, c.BirthPlace, Date(c.BirthDate), c.ChildName.ToUpperInvariant(),
                c.BirthOrder?.ToString(CultureInfo.InvariantCulture) ?? "-", Of(c.ChildSex), father, c.MotherName)),
            new FieldsBlock(
            [
                new(Get("Label.Nik"), OrDash(c.ChildNik)),
                new(Get("Label.FullName"), c.ChildName),
                new(Get("Label.Sex"), Of(c.ChildSex)),
                new(Get("Label.BirthPlaceDate"), $"{c.BirthPlace}, {Date(c.BirthDate)}"),
                new(Get("Label.BirthTime"), OrDash(c.BirthTime)),
                new(Get("Label.BirthOrder"), c.BirthOrder?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new(Get("Label.MotherName"), c.MotherName),
                new(Get("Label.MotherNik"), OrDash(c.MotherNik)),
                new(Get("Label.FatherName"), OrDash(c.FatherName)),
                new(Get("Label.FatherNik"), OrDash(c.FatherNik)),
                new(Get("Label.KkNumber"), OrDash(c.KkNumber)),
            ]),
        ]);
    }

    private static DocumentLayout Death(DeathCertificate c) =>
        new(c.Header, Get("Title.AktaKematian"), Get("NumberLine.Akta", c.Header.Number),
        [
            new ParagraphBlock(Get("Death.Statement", c.Header.Number, c.DeathPlace, Date(c.DeathDate), c.Name.ToUpperInvariant(), c.Nik, c.BirthPlace, Date(c.BirthDate))),
            new FieldsBlock(
            [
                new(Get("Label.Nik"), c.Nik),
                new(Get("Label.FullName"), c.Name),
                new(Get("Label.Sex"), Of(c.Sex)),
                new(Get("Label.BirthPlaceDate"), $"{c.BirthPlace}, {Date(c.BirthDate)}"),
                new(Get("Label.DeathDate"), Date(c.DeathDate)),
                new(Get("Label.DeathTime"), OrDash(c.DeathTime)),
                new(Get("Label.DeathPlace"), c.DeathPlace),
                new(Get("Label.DeathCause"), OrDash(c.DeathCause)),
                new(Get("Label.Reporter"), c.ReporterName is null ? "-" : $"{c.ReporterName} ({OrDash(c.ReporterRelation)})"),
            ]),
        ]);

    private static DocumentLayout Marriage(MarriageCertificate c) =>
        new(c.Header, Get("Title.AktaPerkawinan"), Get("NumberLine.Akta", c.Header.Number),
        [
            new ParagraphBlock(Get("Marriage.Statement", c.Header.Number, Date(c.MarriageDate), c.MarriagePlace, c.Religion,
                c.Husband.Name.ToUpperInvariant(), c.Wife.Name.ToUpperInvariant())),
            new HeadingBlock(Get("Heading.Husband")),
            Spouse(c.Husband),
            new HeadingBlock(Get("Heading.Wife")),
            Spouse(c.Wife),
            new HeadingBlock(Get("Heading.Marriage")),
            new FieldsBlock(
            [
                new(Get("Label.MarriageDate"), Date(c.MarriageDate)),
                new(Get("Label.MarriagePlace"), c.MarriagePlace),
                new(Get("Label.Religion"), c.Religion),
                new(Get("Label.Officiant"), c.OfficiantName),
                new(Get("Label.Witnesses"), $"{c.Witness1}; {c.Witness2}"),
            ]),
        ]);

    private static DocumentLayout Divorce(DivorceCertificate c) =>
        new(c.Header, Get("Title.AktaPerceraian"), Get("NumberLine.Akta", c.Header.Number),
        [
            new ParagraphBlock(Get("Divorce.Statement", c.CourtName, c.RulingNumber, Date(c.RulingDate),
                c.Husband.Name.ToUpperInvariant(), c.Wife.Name.ToUpperInvariant())),
            new HeadingBlock(Get("Heading.Husband")),
            Spouse(c.Husband),
            new HeadingBlock(Get("Heading.Wife")),
            Spouse(c.Wife),
            new HeadingBlock(Get("Heading.Ruling")),
            new FieldsBlock(
            [
                new(Get("Label.Court"), c.CourtName),
                new(Get("Label.RulingNumber"), c.RulingNumber),
                new(Get("Label.RulingDate"), Date(c.RulingDate)),
            ]),
        ]);

    private static FieldsBlock Spouse(Spouse s) => new(
    [
        new(Get("Label.FullName"), s.Name),
        new(Get("Label.Nik"), s.Nik),
        new(Get("Label.BirthPlaceDate"), s.BirthDate is { } d ? $"{s.BirthPlace}, {Date(d)}" : OrDash(s.BirthPlace)),
    ]);

    private static DocumentLayout Family(FamilyCard c)
    {
        var members = c.Members.Select((m, i) => (Index: (i + 1).ToString(CultureInfo.InvariantCulture), Member: m)).ToList();
        return new(c.Header, Get("Title.KartuKeluarga"), Get("NumberLine.Kk", c.KkNumber),
        [
            new FieldsBlock(
            [
                new(Get("Label.HeadName"), c.HeadName),
                .. AddressRows(c.Address),
            ]),
            new TableBlock(
                [Get("Kk.No"), Get("Kk.Name"), Get("Kk.Nik"), Get("Kk.Sex"), Get("Kk.BirthPlace"), Get("Kk.BirthDate"), Get("Kk.Religion"), Get("Kk.Education"), Get("Kk.Occupation")],
                [0.4f, 3f, 2.2f, 1.4f, 1.6f, 1.5f, 1.2f, 1.8f, 1.8f],
                [.. members.Select(x => (IReadOnlyList<string>)
                [
                    x.Index, x.Member.Name, x.Member.Nik, Of(x.Member.Sex), x.Member.BirthPlace,
                    x.Member.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), Of(x.Member.Religion), Of(x.Member.Education), x.Member.Occupation,
                ])]),
            new TableBlock(
                [Get("Kk.No"), Get("Kk.Name"), Get("Kk.MaritalStatus"), Get("Kk.Relationship"), Get("Kk.Citizenship")],
                [0.4f, 3f, 2f, 2.4f, 1.6f],
                [.. members.Select(x => (IReadOnlyList<string>)
                    [x.Index, x.Member.Name, Of(x.Member.MaritalStatus), Of(x.Member.Relationship), Of(x.Member.Citizenship)])]),
        ], Landscape: true);
    }

    private static DocumentLayout Moving(MovingCertificate c) =>
        new(c.Header, Get("Title.SuratPindah"), Get("NumberLine.Letter", c.Header.Number),
        [
            new HeadingBlock(Get("Heading.Origin")),
            new FieldsBlock(
            [
                new(Get("Label.KkNumber"), c.KkNumber),
                new(Get("Label.HeadName"), c.HeadName),
                .. AddressRows(c.Origin),
            ]),
            new HeadingBlock(Get("Heading.Move")),
            new FieldsBlock(
            [
                new(Get("Label.ApplicantNik"), c.ApplicantNik),
                new(Get("Label.ApplicantName"), c.ApplicantName),
                new(Get("Label.MoveReason"), c.Reason),
                new(Get("Label.MoveScope"), c.Scope),
                new(Get("Label.Destination"), c.DestinationRegency),
                new(Get("Label.DestinationAddress"), c.DestinationAddress),
                new(Get("Label.MoveDate"), Date(c.MoveDate)),
            ]),
            new HeadingBlock(Get("Heading.Movers")),
            new TableBlock(
                [Get("Kk.No"), Get("Kk.Nik"), Get("Kk.Name"), Get("Kk.Relationship")],
                [0.5f, 2.4f, 3.5f, 2.2f],
                [.. c.Members.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m.Nik, m.Name, Of(m.Relationship)])]),
            new ParagraphBlock(Get("Moving.Note")),
        ]);

    private static DocumentLayout Residence(ResidenceCertificate c) =>
        new(c.Header, Get("Title.Sktt"), Get("NumberLine.Letter", c.Header.Number),
        [
            new ParagraphBlock(Get("Sktt.Statement")),
            new FieldsBlock(
            [
                new(Get("Label.FullName"), c.FullName),
                new(Get("Label.Sex"), c.Sex is { } sex ? Of(sex) : "-"),
                new(Get("Label.BirthPlaceDate"), $"{OrDash(c.BirthPlace)}, {Date(c.BirthDate)}"),
                new(Get("Label.Nationality"), c.Nationality),
                new(Get("Label.Passport"), c.PassportNumber),
                new(Get("Label.Kitas"), c.KitasNumber),
                new(Get("Label.KitasExpiry"), Date(c.KitasExpiry)),
                new(Get("Label.Sponsor"), c.SponsorName),
                .. AddressRows(c.Address),
            ]),
            new ParagraphBlock(Get("Sktt.Validity", Date(c.KitasExpiry))),
        ]);

    private static DocumentLayout TemporaryId(TemporaryIdCertificate c) =>
        new(c.Header, Get("Title.Suket"), Get("NumberLine.Letter", c.Header.Number),
        [
            new ParagraphBlock(Get("Suket.Opening")),
            new FieldsBlock(
            [
                new(Get("Label.Nik"), c.Nik),
                new(Get("Label.FullName"), c.Name),
                new(Get("Label.Sex"), Of(c.Sex)),
                new(Get("Label.BirthPlaceDate"), $"{c.BirthPlace}, {Date(c.BirthDate)}"),
                new(Get("Label.Religion"), Of(c.Religion)),
                new(Get("Label.MaritalStatus"), Of(c.MaritalStatus)),
                new(Get("Label.Occupation"), c.Occupation),
                new(Get("Label.Citizenship"), Of(c.Citizenship)),
                .. AddressRows(c.Address),
            ]),
            new ParagraphBlock(Get("Suket.Statement", c.Reason)),
        ]);

    private static DocumentLayout Pickup(PickupReceipt c) =>
        new(c.Header, Get("Title.PickupReceipt"), Get("NumberLine.Letter", c.Header.Number),
        [
            new FieldsBlock(
            [
                new(Get("Label.ApplicationReceipt"), c.ApplicationReceipt),
                new(Get("Label.Service"), c.ServiceTitle),
                new(Get("Label.Recipient"), c.RecipientName),
                new(Get("Label.RecipientNik"), OrDash(c.RecipientNik)),
                new(Get("Label.HandedOverAt"), c.HandedOverAt.ToString("d MMMM yyyy HH:mm", Indonesian)),
            ]),
            new TableBlock(
                [Get("Kk.No"), Get("Label.DocumentKind"), Get("Label.DocumentNumber")],
                [0.5f, 4f, 3.5f],
                [.. c.Items.Select((item, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), KindName(item.Kind), item.Number])]),
            new ParagraphBlock(Get("Pickup.Statement")),
        ]);

    private static IEnumerable<LabelledValue> AddressRows(PrintedAddress a) =>
    [
        new(Get("Label.Address"), a.Street),
        new(Get("Label.RtRw"), a.Rt is { } rt && a.Rw is { } rw ? string.Create(CultureInfo.InvariantCulture, $"{rt:000}/{rw:000}") : "-"),
        new(Get("Label.Kelurahan"), a.Kelurahan),
        new(Get("Label.Kecamatan"), a.Kecamatan),
        new(Get("Label.City"), a.City),
        new(Get("Label.Province"), a.Province),
    ];
}

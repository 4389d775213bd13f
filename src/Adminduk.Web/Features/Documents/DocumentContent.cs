using System.Text.Json.Serialization;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Documents;

/// <summary>What every issued document carries: number, place and date, issuing office and officer, verification.</summary>
public sealed record DocumentHeader(
    DocumentKind Kind,
    string Number,
    string OfficeName,
    string RegencyName,
    string Place,
    DateOnly IssuedOn,
    string OfficerName,
    string VerificationCode,
    string VerificationUrl);

/// <summary>A place of residence as printed: street line, RT/RW, kelurahan, kecamatan, city, province.</summary>
public sealed record PrintedAddress(string Street, int? Rt, int? Rw, string Kelurahan, string Kecamatan, string City, string Province);

/// <summary>
/// The content of one kind of document: a plain record, so layouts are testable without a database. Stored with the
/// document as JSON, so a second copy (reissue) prints the same facts.
/// </summary>
[JsonDerivedType(typeof(BirthCertificate), "birth")]
[JsonDerivedType(typeof(DeathCertificate), "death")]
[JsonDerivedType(typeof(MarriageCertificate), "marriage")]
[JsonDerivedType(typeof(DivorceCertificate), "divorce")]
[JsonDerivedType(typeof(FamilyCard), "family")]
[JsonDerivedType(typeof(MovingCertificate), "moving")]
[JsonDerivedType(typeof(ResidenceCertificate), "residence")]
[JsonDerivedType(typeof(TemporaryIdCertificate), "temporary-id")]
[JsonDerivedType(typeof(PickupReceipt), "pickup")]
public abstract record DocumentContent(DocumentHeader Header)
{
    /// <summary>The name the verification page shows (masked).</summary>
    public abstract string SubjectName { get; }
}

public sealed record BirthCertificate(
    DocumentHeader Header,
    string ChildName,
    string? ChildNik,
    Sex ChildSex,
    string BirthPlace,
    DateOnly BirthDate,
    string? BirthTime,
    int? BirthOrder,
    string MotherName,
    string? MotherNik,
    string? FatherName,
    string? FatherNik,
    string? KkNumber) : DocumentContent(Header)
{
    public override string SubjectName => ChildName;
}

public sealed record DeathCertificate(
    DocumentHeader Header,
    string Name,
    string Nik,
    Sex Sex,
    string BirthPlace,
    DateOnly BirthDate,
    DateOnly DeathDate,
    string? DeathTime,
    string DeathPlace,
    string? DeathCause,
    string? ReporterName,
    string? ReporterRelation) : DocumentContent(Header)
{
    public override string SubjectName => Name;
}

public sealed record Spouse(string Name, string Nik, string BirthPlace, DateOnly? BirthDate);

public sealed record MarriageCertificate(
    DocumentHeader Header,
    Spouse Husband,
    Spouse Wife,
    DateOnly MarriageDate,
    string MarriagePlace,
    string Religion,
    string OfficiantName,
    string Witness1,
    string Witness2) : DocumentContent(Header)
{
    public override string SubjectName => $"{Husband.Name} & {Wife.Name}";
}

public sealed record DivorceCertificate(
    DocumentHeader Header,
    Spouse Husband,
    Spouse Wife,
    string CourtName,
    string RulingNumber,
    DateOnly RulingDate) : DocumentContent(Header)
{
    public override string SubjectName => $"{Husband.Name} & {Wife.Name}";
}

public sealed record FamilyMember(
    string Name,
    string Nik,
    Sex Sex,
    string BirthPlace,
    DateOnly BirthDate,
    Religion Religion,
    Education Education,
    string Occupation,
    MaritalStatus MaritalStatus,
    RelationshipToHead Relationship,
    Citizenship Citizenship);

public sealed record FamilyCard(
    DocumentHeader Header,
    string KkNumber,
    string HeadName,
    PrintedAddress Address,
    IReadOnlyList<FamilyMember> Members) : DocumentContent(Header)
{
    public override string SubjectName => HeadName;
}

public sealed record MovingMember(string Name, string Nik, RelationshipToHead Relationship);

/// <summary>Surat Keterangan Pindah WNI (SKPWNI).</summary>
public sealed record MovingCertificate(
    DocumentHeader Header,
    string ApplicantName,
    string ApplicantNik,
    string KkNumber,
    string HeadName,
    PrintedAddress Origin,
    string DestinationRegency,
    string DestinationAddress,
    string Reason,
    string Scope,
    DateOnly? MoveDate,
    IReadOnlyList<MovingMember> Members) : DocumentContent(Header)
{
    public override string SubjectName => ApplicantName;
}

/// <summary>Surat Keterangan Tempat Tinggal for a foreign resident holding a KITAS.</summary>
public sealed record ResidenceCertificate(
    DocumentHeader Header,
    string FullName,
    Sex? Sex,
    string BirthPlace,
    DateOnly? BirthDate,
    string Nationality,
    string PassportNumber,
    string KitasNumber,
    DateOnly? KitasExpiry,
    string SponsorName,
    PrintedAddress Address) : DocumentContent(Header)
{
    public override string SubjectName => FullName;
}

/// <summary>Surat keterangan pengganti KTP-el while no blank card is available.</summary>
public sealed record TemporaryIdCertificate(
    DocumentHeader Header,
    string Name,
    string Nik,
    Sex Sex,
    string BirthPlace,
    DateOnly BirthDate,
    Religion Religion,
    MaritalStatus MaritalStatus,
    string Occupation,
    Citizenship Citizenship,
    PrintedAddress Address,
    string Reason) : DocumentContent(Header)
{
    public override string SubjectName => Name;
}

public sealed record ReceiptItem(DocumentKind Kind, string Number);

/// <summary>Tanda bukti pengambilan: what was handed over at the counter, to whom and when.</summary>
public sealed record PickupReceipt(
    DocumentHeader Header,
    string ApplicationReceipt,
    string ServiceTitle,
    string RecipientName,
    string? RecipientNik,
    DateTimeOffset HandedOverAt,
    IReadOnlyList<ReceiptItem> Items) : DocumentContent(Header)
{
    public override string SubjectName => RecipientName;
}

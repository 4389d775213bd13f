using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Features.Documents.DocumentText;

namespace Adminduk.Web.Features.Documents;

/// <summary>
/// One document to issue, before it has a number: who it is about and how to build its content once the header
/// (number, code, date, officer) is known. A KK brings its own number.
/// </summary>
public sealed record PreparedDocument(
    DocumentKind Kind,
    string? OwnNumber,
    int? SubjectResidentId,
    int? SubjectHouseholdId,
    Func<DocumentHeader, DocumentContent> Build);

/// <summary>The register and form data a document is made from could not be found: the approval cannot issue it.</summary>
public sealed class DocumentDataException(string message) : InvalidOperationException(message);

/// <summary>
/// Reads what a document prints from the register (as the approval's register effects left it) and the application's
/// form fields (names as in the service conventions). The people an approval created or changed are found through
/// their population events, else the application's subject, else the form's NIK.
/// </summary>
public sealed class DocumentSources(AdmindukDbContext db, Application application, IReadOnlyDictionary<string, string?> form)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, string?> FormOf(Application application) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(application.FormJson) ?? [];

    public async Task<IReadOnlyList<PreparedDocument>> PrepareAsync(DocumentKind kind, CancellationToken ct)
    {
        if (Text("aktaNumber") is { } reissued && IsAkta(kind))
        {
            return [await ReissueAsync(kind, reissued, ct)];
        }

        return kind switch
        {
            DocumentKind.AktaKelahiran => [await BirthAsync(ct)],
            DocumentKind.AktaKematian => [await DeathAsync(ct)],
            DocumentKind.AktaPerkawinan => [await MarriageAsync(ct)],
            DocumentKind.AktaPerceraian => [await DivorceAsync(ct)],
            DocumentKind.KartuKeluarga => await FamilyCardsAsync(ct),
            DocumentKind.SuratPindah => [await MovingAsync(ct)],
            DocumentKind.Sktt => [Residence()],
            DocumentKind.Suket => [await TemporaryIdAsync(ct)],
            _ => throw new DocumentDataException($"{kind} is not issued on approval."),
        };
    }

    public async Task<PreparedDocument> TemporaryIdAsync(CancellationToken ct)
    {
        var person = await PersonAsync(Text("nik"), ct) ?? await SubjectAsync(ct) ?? throw Missing("nik");
        var address = await AddressOfAsync(person, ct);
        var reason = Get("Suket.DefaultReason");
        return new(DocumentKind.Suket, null, person.Id, person.HouseholdId, h => new TemporaryIdCertificate(
            h, person.FullName, person.Nik, person.Sex, person.BirthPlace, person.BirthDate, person.Religion, person.MaritalStatus,
            person.Occupation, person.Citizenship, address, reason));
    }

    public static bool IsAkta(DocumentKind kind) =>
        kind is DocumentKind.AktaKelahiran or DocumentKind.AktaKematian or DocumentKind.AktaPerkawinan or DocumentKind.AktaPerceraian;

    public static PrintedAddress Address(string street, RtUnit? rt)
    {
        var village = rt is null ? null : RegionCatalog.Default.Find(rt.VillageCode);
        var district = village?.ParentCode is { } d ? RegionCatalog.Default.Find(d) : null;
        var regency = district?.ParentCode is { } r ? RegionCatalog.Default.Find(r) : null;
        var province = regency?.ParentCode is { } p ? RegionCatalog.Default.Find(p) : null;
        return new PrintedAddress(street, rt?.Rt, rt?.Rw, Upper(village?.Name), Upper(district?.Name), Upper(regency?.Name), Upper(province?.Name));

        static string Upper(string? name) => name?.ToUpperInvariant() ?? "-";
    }

    private async Task<PreparedDocument> BirthAsync(CancellationToken ct)
    {
        var child = await EventResidentAsync(PopulationEventKind.Birth, ct);
        var mother = await PersonAsync(Text("motherNik"), ct);
        var father = await PersonAsync(Text("fatherNik"), ct);
        var name = child?.FullName ?? Text("childName") ?? throw Missing("childName");
        var sex = child?.Sex ?? (Enum.TryParse<Sex>(Text("childSex"), out var s) ? s : throw Missing("childSex"));
        var birthDate = child?.BirthDate ?? FormValidator.ParseDate(Text("childBirthDate")) ?? throw Missing("childBirthDate");
        var place = Text("childBirthPlace") ?? child?.BirthPlace ?? throw Missing("childBirthPlace");
        var order = int.TryParse(Text("birthOrder"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : (int?)null;
        var motherName = mother?.FullName ?? throw Missing("motherNik");
        return new(DocumentKind.AktaKelahiran, null, child?.Id, child?.HouseholdId, h => new BirthCertificate(
            h, name, child?.Nik, sex, place, birthDate, Text("childBirthTime"), order, motherName, mother.Nik, father?.FullName, father?.Nik, Text("kkNumber")));
    }

    private async Task<PreparedDocument> DeathAsync(CancellationToken ct)
    {
        var deceased = await EventResidentAsync(PopulationEventKind.Death, ct) ?? await PersonAsync(Text("nik"), ct) ?? throw Missing("nik");
        var deathDate = FormValidator.ParseDate(Text("deathDate")) ?? deceased.DeceasedOn ?? throw Missing("deathDate");
        var reporter = await PersonAsync(Text("reporterNik"), ct);
        var place = Text("deathPlace") ?? throw Missing("deathPlace");
        return new(DocumentKind.AktaKematian, null, deceased.Id, deceased.HouseholdId, h => new DeathCertificate(
            h, deceased.FullName, deceased.Nik, deceased.Sex, deceased.BirthPlace, deceased.BirthDate, deathDate, Text("deathTime"),
            place, Text("deathCause"), reporter?.FullName, Text("reporterRelation")));
    }

    private async Task<PreparedDocument> MarriageAsync(CancellationToken ct)
    {
        var (husband, wife) = await CoupleAsync(ct);
        var date = FormValidator.ParseDate(Text("marriageDate")) ?? throw Missing("marriageDate");
        var place = Text("marriagePlace") ?? throw Missing("marriagePlace");
        var religion = Text("religion") is { } r && Enum.TryParse<Religion>(r, out var parsed) ? Of(parsed) : Text("religion") ?? throw Missing("religion");
        return new(DocumentKind.AktaPerkawinan, null, husband.Id, husband.HouseholdId, h => new MarriageCertificate(
            h, Spouse(husband), Spouse(wife), date, place, religion, Text("officiantName") ?? "-", Text("witness1Name") ?? "-", Text("witness2Name") ?? "-"));
    }

    private async Task<PreparedDocument> DivorceAsync(CancellationToken ct)
    {
        var (husband, wife) = await CoupleAsync(ct);
        var court = Text("courtName") ?? throw Missing("courtName");
        var ruling = Text("rulingNumber") ?? throw Missing("rulingNumber");
        var date = FormValidator.ParseDate(Text("rulingDate")) ?? throw Missing("rulingDate");
        return new(DocumentKind.AktaPerceraian, null, husband.Id, husband.HouseholdId, h => new DivorceCertificate(
            h, Spouse(husband), Spouse(wife), court, ruling, date));
    }

    private async Task<(Resident Husband, Resident Wife)> CoupleAsync(CancellationToken ct) =>
        (await PersonAsync(Text("husbandNik"), ct) ?? throw Missing("husbandNik"), await PersonAsync(Text("wifeNik"), ct) ?? throw Missing("wifeNik"));

    private static Spouse Spouse(Resident r) => new(r.FullName, r.Nik, r.BirthPlace, r.BirthDate);

    /// <summary>
    /// One KK per household the approval touched: the households of the people its events name (before and after the
    /// change) and the KK numbers in the form. A household with nobody left in it gets none.
    /// </summary>
    private async Task<IReadOnlyList<PreparedDocument>> FamilyCardsAsync(CancellationToken ct)
    {
        var events = await db.PopulationEvents.AsNoTracking().Where(e => e.ApplicationId == application.Id).ToListAsync(ct);
        var residentIds = events.Select(e => e.ResidentId).ToList();
        var ids = new HashSet<int>(events.Where(e => e.HouseholdId is not null).Select(e => e.HouseholdId!.Value));
        ids.UnionWith(await db.Residents.Where(r => residentIds.Contains(r.Id) && r.HouseholdId != null).Select(r => r.HouseholdId!.Value).ToListAsync(ct));
        var numbers = new[] { Text("kkNumber"), Text("joinKkNumber") }.OfType<string>().ToList();
        ids.UnionWith(await db.Households.Where(h => numbers.Contains(h.KkNumber)).Select(h => h.Id).ToListAsync(ct));
        if (ids.Count == 0 && await SubjectAsync(ct) is { HouseholdId: { } own })
        {
            ids.Add(own);
        }

        var households = await db.Households.AsNoTracking().Include(h => h.RtUnit)
            .Where(h => ids.Contains(h.Id)).OrderBy(h => h.Id).ToListAsync(ct);
        var prepared = new List<PreparedDocument>();
        foreach (var household in households)
        {
            var members = await db.Residents.AsNoTracking()
                .Where(r => r.HouseholdId == household.Id && r.Status == ResidentStatus.Alive)
                .OrderBy(r => r.RelationshipToHead).ThenBy(r => r.BirthDate).ThenBy(r => r.Id)
                .ToListAsync(ct);
            if (members.Count == 0)
            {
                continue;
            }

            var head = members.FirstOrDefault(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga) ?? members[0];
            var address = Address(household.Address, household.RtUnit);
            var printed = members.Select(m => new FamilyMember(m.FullName, m.Nik, m.Sex, m.BirthPlace, m.BirthDate, m.Religion, m.Education,
                m.Occupation, m.MaritalStatus, m.RelationshipToHead, m.Citizenship)).ToList();
            prepared.Add(new(DocumentKind.KartuKeluarga, household.KkNumber, head.Id, household.Id,
                h => new FamilyCard(h, household.KkNumber, head.FullName, address, printed)));
        }

        return prepared.Count > 0 ? prepared : throw new DocumentDataException("No household with living members for the KK.");
    }

    private async Task<PreparedDocument> MovingAsync(CancellationToken ct)
    {
        var applicant = await PersonAsync(Text("nik"), ct) ?? await SubjectAsync(ct) ?? throw Missing("nik");
        var kkNumber = Text("kkNumber") ?? throw Missing("kkNumber");
        var household = await db.Households.AsNoTracking().Include(h => h.RtUnit).FirstOrDefaultAsync(h => h.KkNumber == kkNumber, ct)
            ?? throw Missing("kkNumber");
        var scope = Text("moveScope") ?? "seluruh";
        var listed = (Text("memberNiks") ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        // Whoever the departure events name moved; otherwise the form's list, or the whole household.
        var events = await db.PopulationEvents.AsNoTracking()
            .Where(e => e.ApplicationId == application.Id && e.Kind == PopulationEventKind.Departure).Select(e => e.ResidentId).ToListAsync(ct);
        var movers = await db.Residents.AsNoTracking()
            .Where(r => events.Contains(r.Id)
                || (events.Count == 0 && (listed.Contains(r.Nik) || r.Nik == applicant.Nik || (scope == "seluruh" && r.HouseholdId == household.Id && r.Status == ResidentStatus.Alive))))
            .OrderBy(r => r.RelationshipToHead).ThenBy(r => r.BirthDate).ToListAsync(ct);
        var headName = await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == household.Id && r.RelationshipToHead == RelationshipToHead.KepalaKeluarga)
            .Select(r => r.FullName).FirstOrDefaultAsync(ct) ?? applicant.FullName;
        var destinationCode = Text("destinationRegency") ?? throw Missing("destinationRegency");
        var destination = RegionCatalog.Default.Find(destinationCode)?.Name.ToUpperInvariant() ?? destinationCode;
        var origin = Address(household.Address, household.RtUnit);
        var members = movers.Select(m => new MovingMember(m.FullName, m.Nik, m.RelationshipToHead)).ToList();
        var scopeText = scope is "seluruh" or "sebagian" ? Get("Scope." + scope) : scope;
        return new(DocumentKind.SuratPindah, null, applicant.Id, household.Id, h => new MovingCertificate(
            h, applicant.FullName, applicant.Nik, household.KkNumber, headName, origin, destination, Text("destinationAddress") ?? "-",
            Text("reason") ?? "-", scopeText, FormValidator.ParseDate(Text("moveDate")), members));
    }

    private PreparedDocument Residence()
    {
        var name = Text("fullName") ?? throw Missing("fullName");
        var rt = int.TryParse(Text("rt"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        var rw = int.TryParse(Text("rw"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : (int?)null;
        var unit = Text("kelurahan") is { } village && rt is { } rtValue && rw is { } rwValue
            ? new RtUnit { VillageCode = village, Rt = rtValue, Rw = rwValue }
            : null;
        var address = Address(Text("address") ?? "-", unit);
        var sex = Enum.TryParse<Sex>(Text("sex"), out var s) ? s : (Sex?)null;
        return new(DocumentKind.Sktt, null, application.SubjectResidentId, null, h => new ResidenceCertificate(
            h, name, sex, Text("birthPlace") ?? "-", FormValidator.ParseDate(Text("birthDate")), Text("nationality") ?? throw Missing("nationality"),
            Text("passportNumber") ?? throw Missing("passportNumber"), Text("kitasNumber") ?? throw Missing("kitasNumber"),
            FormValidator.ParseDate(Text("kitasExpiry")), Text("sponsorName") ?? "-", address));
    }

    /// <summary>
    /// A second copy of an akta: the facts of the copy issued here before (same kind and number), else — for births and
    /// deaths registered on paper — the register's facts about the person.
    /// </summary>
    private async Task<PreparedDocument> ReissueAsync(DocumentKind kind, string number, CancellationToken ct)
    {
        var person = await PersonAsync(Text("nik"), ct);
        var earlier = await db.Documents.AsNoTracking()
            .Where(d => d.Kind == kind && d.Number == number && d.SupersededById == null)
            .OrderByDescending(d => d.Id).Select(d => new { d.ContentJson, d.SubjectResidentId, d.SubjectHouseholdId }).FirstOrDefaultAsync(ct);
        if (earlier is not null && (person is null || earlier.SubjectResidentId is null || earlier.SubjectResidentId == person.Id))
        {
            var content = JsonSerializer.Deserialize<DocumentContent>(earlier.ContentJson, Json)
                ?? throw new DocumentDataException($"Document {number} has no content.");
            return new(kind, number, earlier.SubjectResidentId, earlier.SubjectHouseholdId, h => content with { Header = h });
        }

        if (person is null)
        {
            throw Missing("nik");
        }

        return kind switch
        {
            DocumentKind.AktaKelahiran => new(kind, number, person.Id, person.HouseholdId, h => new BirthCertificate(
                h, person.FullName, person.Nik, person.Sex, person.BirthPlace, person.BirthDate, null, null, "-", null, null, null, null)),
            DocumentKind.AktaKematian when person.DeceasedOn is { } died => new(kind, number, person.Id, person.HouseholdId, h => new DeathCertificate(
                h, person.FullName, person.Nik, person.Sex, person.BirthPlace, person.BirthDate, died, null, "-", null, null, null)),
            _ => throw new DocumentDataException($"No earlier {kind} {number} to copy."),
        };
    }

    private async Task<Resident?> EventResidentAsync(PopulationEventKind kind, CancellationToken ct)
    {
        var id = await db.PopulationEvents.AsNoTracking()
            .Where(e => e.ApplicationId == application.Id && e.Kind == kind).OrderBy(e => e.Id).Select(e => (int?)e.ResidentId).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    private async Task<Resident?> SubjectAsync(CancellationToken ct) =>
        application.SubjectResidentId is { } id ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) : null;

    private async Task<Resident?> PersonAsync(string? nik, CancellationToken ct) =>
        nik is null ? null : await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Nik == nik, ct);

    private async Task<PrintedAddress> AddressOfAsync(Resident person, CancellationToken ct)
    {
        var household = person.HouseholdId is { } id
            ? await db.Households.AsNoTracking().Include(h => h.RtUnit).FirstOrDefaultAsync(h => h.Id == id, ct)
            : null;
        return Address(household?.Address ?? "-", household?.RtUnit);
    }

    private string? Text(string field) => form.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private DocumentDataException Missing(string field) =>
        new($"Application {application.Id} ({application.ServiceCode}): '{field}' does not lead to register data for the document.");
}

using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Documents;

internal static class DocumentTestData
{
    public static readonly DocumentOfficer Officer = new(null, "Dewi Operator");

    /// <summary>An approved application with these form values, as the application engine and back office leave it.</summary>
    public static async Task<Application> ApprovedAsync(this AppFactory app, Office office, string service, Dictionary<string, string> form, Guid? applicant = null)
    {
        var at = app.Time.GetUtcNow();
        var application = new Application
        {
            ReceiptNumber = ReceiptNumber.Generate(office.Code, DateOnly.FromDateTime(at.UtcDateTime)),
            OfficeId = office.Id,
            ServiceCode = service,
            Status = ApplicationStatus.Approved,
            ApplicantUserId = applicant ?? Guid.NewGuid(),
            FormJson = JsonSerializer.Serialize(form),
            CreatedAt = at,
            UpdatedAt = at,
            SubmittedAt = at,
            DecidedAt = at,
        };
        await app.SeedAsync(db =>
        {
            db.Applications.Add(application);
            return Task.CompletedTask;
        });
        return application;
    }

    /// <summary>Issues documents with the app's <see cref="DocumentIssuer"/> in a scope of its own and saves them.</summary>
    public static async Task<IReadOnlyList<Document>> IssueAsync(this AppFactory app, Func<DocumentIssuer, AdmindukDbContext, Task<IReadOnlyList<Document>>> issue)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var issued = await issue(scope.ServiceProvider.GetRequiredService<DocumentIssuer>(), db);
        await db.SaveChangesAsync();
        return issued;
    }

    public static async Task<Document> IssueSingleAsync(this AppFactory app, Func<DocumentIssuer, AdmindukDbContext, Task<Document>> issue) =>
        (await app.IssueAsync(async (issuer, db) => (IReadOnlyList<Document>)[await issue(issuer, db)])).Single();

    public static Task<IReadOnlyList<Document>> IssueAsync(this AppFactory app, DocumentKind kind, Application application) =>
        app.IssueAsync((issuer, db) => issuer.IssueAsync(db, kind, application, Officer, CancellationToken.None));

    /// <summary>Form values per the service conventions, for each kind issued on approval, from the test register.</summary>
    public static (string Service, Dictionary<string, string> Form) FormFor(DocumentKind kind, TestRegister r) => kind switch
    {
        DocumentKind.AktaKelahiran => ("akta-kelahiran", new()
        {
            ["childName"] = "Aisyah Putri",
            ["childSex"] = "Female",
            ["childBirthDate"] = "2026-11-10",
            ["childBirthTime"] = "14:30",
            ["childBirthPlace"] = "Balikpapan",
            ["birthPlaceType"] = "rumah-sakit",
            ["birthOrder"] = "3",
            ["motherNik"] = r.Mother.Nik,
            ["fatherNik"] = r.Father.Nik,
            ["kkNumber"] = r.Family.KkNumber,
        }),
        DocumentKind.AktaKematian => ("akta-kematian", new()
        {
            ["nik"] = r.Deceased.Nik,
            ["kkNumber"] = r.Other.KkNumber,
            ["deathDate"] = "2025-05-01",
            ["deathTime"] = "03:15",
            ["deathPlace"] = "RSUD Kanujoso Djatiwibowo",
            ["deathCause"] = "Sakit",
            ["reporterNik"] = r.Neighbour.Nik,
            ["reporterRelation"] = "Anak",
        }),
        DocumentKind.AktaPerkawinan => ("akta-perkawinan", new()
        {
            ["husbandNik"] = r.Neighbour.Nik,
            ["wifeNik"] = r.Mother.Nik,
            ["marriageDate"] = "2026-11-14",
            ["marriagePlace"] = "Gereja Katedral Santo Petrus Balikpapan",
            ["religion"] = "Katolik",
            ["officiantName"] = "Rm. Antonius",
            ["witness1Name"] = "Paulus Hadi",
            ["witness2Name"] = "Agnes Widya",
        }),
        DocumentKind.AktaPerceraian => ("akta-perceraian", new()
        {
            ["husbandNik"] = r.Father.Nik,
            ["wifeNik"] = r.Mother.Nik,
            ["courtName"] = "Pengadilan Negeri Balikpapan",
            ["rulingNumber"] = "123/Pdt.G/2026/PN Bpp",
            ["rulingDate"] = "2026-10-01",
        }),
        DocumentKind.KartuKeluarga => ("kk-perubahan", new() { ["nik"] = r.Father.Nik, ["kkNumber"] = r.Family.KkNumber, ["newOccupation"] = "Wiraswasta" }),
        DocumentKind.SuratPindah => ("pindah-keluar", new()
        {
            ["nik"] = r.Neighbour.Nik,
            ["kkNumber"] = r.Other.KkNumber,
            ["moveScope"] = "sebagian",
            ["memberNiks"] = r.Neighbour.Nik,
            ["destinationRegency"] = "35.78",
            ["destinationAddress"] = "Jl. Darmo No. 12",
            ["reason"] = "Pekerjaan",
            ["moveDate"] = "2026-12-01",
        }),
        DocumentKind.Sktt => ("sktt", new()
        {
            ["fullName"] = "John Michael Smith",
            ["sex"] = "Male",
            ["birthDate"] = "1980-05-05",
            ["birthPlace"] = "Perth",
            ["nationality"] = "Australia",
            ["passportNumber"] = "PA1234567",
            ["kitasNumber"] = "2C21AB1234",
            ["kitasExpiry"] = "2027-11-01",
            ["sponsorName"] = "PT Minyak Kaltim",
            ["address"] = "Jl. Jenderal Sudirman No. 1",
            ["kelurahan"] = TestRegister.Village,
            ["rw"] = "1",
            ["rt"] = "1",
        }),
        DocumentKind.Suket => ("ktp-penggantian", new() { ["nik"] = r.Father.Nik, ["kkNumber"] = r.Family.KkNumber }),
        DocumentKind.PickupReceipt => ("akta-kelahiran", new() { ["motherNik"] = r.Mother.Nik }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The path of the verification URL inside the document's QR code (read from page 1 of its PDF).</summary>
    public static async Task<string> QrPathAsync(byte[] pdf)
    {
        var codes = await PdfTools.QrCodesOnFirstPageAsync(pdf);
        codes.Count.ShouldBe(1);
        return new Uri(codes[0]).PathAndQuery;
    }

    public static async Task<Document> ReloadAsync(this AppFactory app, long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }
}

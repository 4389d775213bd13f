using Adminduk.Domain.Applications;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Notifications;

/// <summary>A Palembang office with one UPTD zone serving Talangsemut, and a linked citizen living there.</summary>
internal static class ZoneTestData
{
    public const string Village = "16.71.11.1006";

    public sealed record Zoned(Office Office, ServiceZone Zone, ServicePoint Point, AppUser Citizen, Resident Resident);

    public static async Task<Zoned> CreateZonedCitizenAsync(AppFactory app, string phone, string? phoneNumberId = "1055000000777", string officeCode = "PLG")
    {
        var office = await app.AddOfficeAsync(officeCode, timeZone: "Asia/Jakarta", regency: "16.71");
        var main = new ServicePoint { OfficeId = office.Id, Name = "Kantor Disdukcapil Palembang", Address = "Jl. Merdeka No. 1", Kind = ServicePointKind.MainOffice };
        var point = new ServicePoint { OfficeId = office.Id, Name = "UPTD Bukit Kecil", Address = "Jl. Talang Semut No. 3", Kind = ServicePointKind.Uptd };
        var zone = new ServiceZone { OfficeId = office.Id, Name = "UPTD Bukit Kecil", WhatsAppNumber = "+6281300000777", WhatsAppPhoneNumberId = phoneNumberId, ServicePoint = point };
        var rt = new RtUnit { VillageCode = Village, Rw = 1, Rt = 1 + int.Parse(phone[^2..], System.Globalization.CultureInfo.InvariantCulture) };
        var household = new Household { KkNumber = NumberComposer.KkNumber("167111", new DateOnly(2015, 1, 1), 100 + int.Parse(phone[^3..], System.Globalization.CultureInfo.InvariantCulture)), RtUnit = rt, Address = "Jl. Talang Semut Lr. Mawar No. 12", IssuedOn = new DateOnly(2015, 1, 1) };
        var resident = new Resident
        {
            Nik = NumberComposer.Nik("167111", new DateOnly(1987, 5, 4), Sex.Female, 100 + int.Parse(phone[^3..], System.Globalization.CultureInfo.InvariantCulture)),
            FullName = "Siti Aminah",
            Sex = Sex.Female,
            BirthPlace = "Palembang",
            BirthDate = new DateOnly(1987, 5, 4),
            Occupation = "Wiraswasta",
            Household = household,
            RelationshipToHead = RelationshipToHead.KepalaKeluarga,
            RtUnit = rt,
            CreatedAt = app.Time.GetUtcNow(),
            UpdatedAt = app.Time.GetUtcNow(),
        };
        await app.SeedAsync(db =>
        {
            db.ServicePoints.AddRange(main, point);
            db.Set<ServiceZone>().Add(zone);
            db.Residents.Add(resident);
            return Task.CompletedTask;
        });
        await app.SeedAsync(db =>
        {
            db.Set<ZoneVillage>().Add(new ZoneVillage { ZoneId = zone.Id, OfficeId = office.Id, VillageCode = Village });
            return Task.CompletedTask;
        });
        var citizen = await app.CreateUserAsync(Roles.Citizen, phone, u =>
        {
            u.PhoneNumber = phone;
            u.FullName = "Siti Aminah";
            u.ResidentId = resident.Id;
        });
        return new Zoned(office, zone, point, citizen, resident);
    }

    public static Task<Application> QueueApplicationAsync(AppFactory app, Office office, Guid applicant, string service = BackOfficeTestData.KtpService) =>
        app.QueueAsync(office, app.Time.GetUtcNow().AddMinutes(-30), service, applicant);
}

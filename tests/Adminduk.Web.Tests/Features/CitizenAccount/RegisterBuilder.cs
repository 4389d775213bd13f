using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.CitizenAccount;

/// <summary>A resident as the tests type it in: NIK, KK number, birth date, phone on record.</summary>
public sealed record RegisteredResident(int Id, int HouseholdId, string Nik, string KkNumber, DateOnly BirthDate, string? Phone, string FullName);

/// <summary>
/// Puts residents straight into the register of a test app: an RT in Kelurahan Gunung Samarinda Baru (Balikpapan
/// Utara, 64.71.05), a household per call, valid NIK and KK numbers composed from their parts.
/// </summary>
internal static class RegisterBuilder
{
    public const string District = "647105";
    public const string Village = "64.71.05.1006";
    public static readonly DateOnly KkIssuedOn = new(2015, 3, 12);

    private static int serial;

    /// <summary>A living resident heading a new household, or a member of <paramref name="household"/> when given.</summary>
    public static async Task<RegisteredResident> AddResidentAsync(
        AppFactory app,
        DateOnly birthDate,
        string fullName = "Siti Aminah",
        Sex sex = Sex.Female,
        string? phone = null,
        ResidentStatus status = ResidentStatus.Alive,
        RegisteredResident? household = null)
    {
        var number = Interlocked.Increment(ref serial);
        var nik = NumberComposer.Nik(District, birthDate, sex, number);
        Resident? resident = null;
        Household? home = null;
        await app.SeedAsync(async db =>
        {
            if (household is null)
            {
                var rt = new RtUnit { VillageCode = Village, Rw = 1, Rt = number };
                home = new Household
                {
                    KkNumber = NumberComposer.KkNumber(District, KkIssuedOn, number),
                    Address = $"Jl. Soekarno-Hatta Km 5 No. {number}",
                    IssuedOn = KkIssuedOn,
                    RtUnit = rt,
                };
                db.Households.Add(home);
            }
            else
            {
                home = await db.Households.Include(h => h.RtUnit).FirstAsync(h => h.Id == household.HouseholdId);
            }

            resident = new Resident
            {
                Nik = nik,
                Household = home,
                RtUnit = home.RtUnit,
                RelationshipToHead = household is null ? RelationshipToHead.KepalaKeluarga : RelationshipToHead.Anak,
                FullName = fullName,
                Sex = sex,
                BirthPlace = "Balikpapan",
                BirthDate = birthDate,
                Religion = Religion.Islam,
                MaritalStatus = MaritalStatus.Kawin,
                Education = Education.Slta,
                Occupation = "Karyawan Swasta",
                Status = status,
                DeceasedOn = status == ResidentStatus.Deceased ? new DateOnly(2026, 1, 5) : null,
                Phone = phone,
                CreatedAt = app.Time.GetUtcNow(),
                UpdatedAt = app.Time.GetUtcNow(),
            };
            db.Residents.Add(resident);
        });
        return new RegisteredResident(resident!.Id, home!.Id, nik, home.KkNumber, birthDate, phone, fullName);
    }
}

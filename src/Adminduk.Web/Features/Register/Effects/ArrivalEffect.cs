using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// kedatangan: the newcomer keeps their NIK and lives at an RT of the city, heading a new household (new KK number)
/// or joining the household of the form's KK. Someone who once moved out and comes back is alive and resident again,
/// under the same register entry.
/// </summary>
public sealed class ArrivalEffect(INumberAllocator numbers) : IRegisterEffect
{
    public const string Code = "kedatangan";
    public const string NewKk = "kk-baru";
    public const string JoinKk = "gabung-kk";

    public string ServiceCode => Code;

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var db = context.Db;
        var form = new FormReader(context.Form, Code);
        var nik = form.Text("nik");
        var village = form.Text("destinationKelurahan");
        var (rw, rtNumber) = (form.Number("rw"), form.Number("rt"));
        var rt = await db.RtUnits.FirstOrDefaultAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rtNumber, ct)
            ?? throw new RegisterEffectException(string.Create(CultureInfo.InvariantCulture, $"RT {rtNumber}/RW {rw} of {village} is not in the register."));

        var person = await db.Residents.FirstOrDefaultAsync(r => r.Nik == nik, ct);
        if (person is { Status: not ResidentStatus.MovedOut })
        {
            throw new RegisterEffectException($"NIK {Domain.Numbers.Nik.Mask(nik)} is already in the register as {person.Status}.");
        }

        Household household;
        RelationshipToHead relationship;
        if (form.Text("kkOption") == JoinKk)
        {
            var kk = form.Text("joinKkNumber");
            household = await db.Households.FirstOrDefaultAsync(h => h.KkNumber == kk, ct)
                ?? throw new RegisterEffectException($"KK {kk} is not in the register.");
            relationship = form.OptionalEnum<RelationshipToHead>("relationship") ?? RelationshipToHead.Lainnya;
        }
        else
        {
            var district = RegionCode.ParentOf(village) ?? throw new RegisterEffectException($"{village} has no district.");
            household = new Household
            {
                KkNumber = await numbers.NextKkNumberAsync(db, district.Replace(".", "", StringComparison.Ordinal), context.Today, ct),
                RtUnitId = rt.Id,
                Address = form.Text("address"),
                IssuedOn = context.Today,
            };
            db.Households.Add(household);
            // The household's id goes into the population event; the approval's transaction still covers this save.
            await db.SaveChangesAsync(ct);
            relationship = RelationshipToHead.KepalaKeluarga;
        }

        if (person is null)
        {
            person = new Resident
            {
                Nik = nik,
                FullName = "",
                BirthPlace = "",
                Occupation = "",
                Sex = Domain.Numbers.Nik.Parse(nik, context.Today).Sex ?? throw new RegisterEffectException($"NIK {Domain.Numbers.Nik.Mask(nik)} gives no sex."),
                CreatedAt = context.At,
            };
            db.Residents.Add(person);
        }

        // The SKPWNI carries the person's current data; an older entry of someone returning is kept in its history.
        person.FullName = form.Text("fullName");
        person.BirthDate = form.Date("birthDate");
        person.BirthPlace = form.Text("birthPlace");
        person.Religion = form.Enum<Religion>("religion");
        person.MaritalStatus = form.Enum<MaritalStatus>("maritalStatus");
        person.Education = form.Enum<Education>("education");
        person.Occupation = form.Optional("occupation") ?? person.Occupation;
        person.Citizenship = Citizenship.Wni;
        person.Status = ResidentStatus.Alive;
        person.MovedOutOn = null;
        person.MovedToRegionCode = null;
        person.DeceasedOn = null;
        person.HouseholdId = household.Id;
        person.Household = household;
        // The household decides where its members live (a joined KK may sit at another RT than the one typed).
        person.RtUnitId = household.RtUnitId;
        person.RelationshipToHead = relationship;
        person.UpdatedAt = context.At;

        context.RecordEvent(PopulationEventKind.Arrival, person, context.Today,
            $"{form.Text("originRegency")}; SKPWNI {form.Text("skpwniNumber")}");
    }
}

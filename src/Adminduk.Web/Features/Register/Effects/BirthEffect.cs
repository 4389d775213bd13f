using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// akta-kelahiran: the child joins the household of the form's KK with a new NIK from the household's kecamatan code,
/// the birth date (+40 for girls) and the next free serial; parents are linked by their NIKs.
/// </summary>
public sealed class BirthEffect(INumberAllocator numbers) : IRegisterEffect
{
    public const string Code = "akta-kelahiran";

    /// <summary>Occupation the register records for people not (yet) working, as on the KK.</summary>
    public const string NotWorking = "Belum/Tidak Bekerja";

    public string ServiceCode => Code;

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var db = context.Db;
        var form = new FormReader(context.Form, Code);
        var kkNumber = form.Text("kkNumber");
        var household = await db.Households.Include(h => h.RtUnit).FirstOrDefaultAsync(h => h.KkNumber == kkNumber, ct)
            ?? throw new RegisterEffectException($"KK {kkNumber} is not in the register.");
        var district = RegionCode.ParentOf(household.RtUnit!.VillageCode)
            ?? throw new RegisterEffectException($"RT {household.RtUnitId} has no district.");
        var birthDate = form.Date("childBirthDate");
        var sex = form.Enum<Sex>("childSex");
        var mother = await ParentAsync(db, form.Text("motherNik"), ct);
        var father = form.Optional("fatherNik") is { } fatherNik ? await ParentAsync(db, fatherNik, ct) : null;
        var head = await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == household.Id && r.RelationshipToHead == RelationshipToHead.KepalaKeluarga && r.Status == ResidentStatus.Alive)
            .Select(r => new { r.Id, r.Religion })
            .FirstOrDefaultAsync(ct);

        var nik = await numbers.NextNikAsync(db, district.Replace(".", "", StringComparison.Ordinal), birthDate, sex, ct);
        var child = new Resident
        {
            Nik = nik,
            HouseholdId = household.Id,
            RtUnitId = household.RtUnitId,
            RelationshipToHead = Relationship(household.Id, head?.Id, mother, father),
            FullName = form.Text("childName"),
            Sex = sex,
            BirthPlace = form.Text("childBirthPlace"),
            BirthDate = birthDate,
            // A newborn is entered with the parents' religion, as on the KK the parents hold.
            Religion = mother?.Religion ?? father?.Religion ?? head?.Religion ?? throw new RegisterEffectException("No parent or head to take the religion from."),
            MaritalStatus = MaritalStatus.BelumKawin,
            Education = Education.TidakBelumSekolah,
            Occupation = NotWorking,
            Citizenship = Citizenship.Wni,
            Status = ResidentStatus.Alive,
            MotherId = mother?.Id,
            FatherId = father?.Id,
            CreatedAt = context.At,
            UpdatedAt = context.At,
        };
        db.Residents.Add(child);
        context.RecordEvent(PopulationEventKind.Birth, child, birthDate, string.Create(CultureInfo.InvariantCulture,
            $"{form.Optional("birthPlaceType") ?? "-"}; anak ke-{form.Optional("birthOrder") ?? "-"}"));
    }

    /// <summary>A parent in the register (mothers from elsewhere are not: the NIK is then only on the certificate).</summary>
    private static Task<Resident?> ParentAsync(AdmindukDbContext db, string nik, CancellationToken ct) =>
        db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Nik == nik, ct);

    /// <summary>
    /// The child of the head or the head's spouse is "Anak"; the child of the head's child (or child-in-law) living in
    /// the same household is "Cucu" (grandchild), as the KK records it; anyone else's child is "Famili lain".
    /// </summary>
    public static RelationshipToHead Relationship(int householdId, int? headId, Resident? mother, Resident? father)
    {
        var parents = new[] { mother, father }.OfType<Resident>().Where(p => p.HouseholdId == householdId).ToList();
        if (parents.Count == 0 || parents.Any(p => p.Id == headId || p.RelationshipToHead is RelationshipToHead.KepalaKeluarga
                or RelationshipToHead.Suami or RelationshipToHead.Istri))
        {
            return RelationshipToHead.Anak;
        }

        return parents.Any(p => p.RelationshipToHead is RelationshipToHead.Anak or RelationshipToHead.Menantu)
            ? RelationshipToHead.Cucu
            : RelationshipToHead.FamiliLain;
    }
}

using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Whether the register holds two people as married to each other. The register has no spouse column, so a
/// couple is recognised by what it does hold: both are Kawin, and either the latest marriage each of them had
/// recorded here was the same approval (one marriage application records an event for each spouse), or, when
/// neither has a marriage recorded here, they share a KK as its head and the head's husband or wife (how seeded and
/// imported households show a couple). A recorded marriage wins over the KK, which may not have been split yet.
/// A child and an in-law in their parents' KK are not paired by relationship: "menantu" says whose child it married.
/// </summary>
public static class Couples
{
    public static async Task<bool> AreMarriedToEachOtherAsync(AdmindukDbContext db, Resident husband, Resident wife, CancellationToken ct)
    {
        if (husband.MaritalStatus != MaritalStatus.Kawin || wife.MaritalStatus != MaritalStatus.Kawin)
        {
            return false;
        }

        var husbandsMarriage = await LatestMarriageAsync(db, husband.Id, ct);
        var wifesMarriage = await LatestMarriageAsync(db, wife.Id, ct);
        if (husbandsMarriage is not null || wifesMarriage is not null)
        {
            return husbandsMarriage?.ApplicationId is { } id && id == wifesMarriage?.ApplicationId;
        }

        return husband.HouseholdId is not null && husband.HouseholdId == wife.HouseholdId
            && HeadAndSpouse(husband.RelationshipToHead, wife.RelationshipToHead);
    }

    private static bool HeadAndSpouse(RelationshipToHead a, RelationshipToHead b) =>
        (a == RelationshipToHead.KepalaKeluarga && b is RelationshipToHead.Istri or RelationshipToHead.Suami)
        || (b == RelationshipToHead.KepalaKeluarga && a is RelationshipToHead.Istri or RelationshipToHead.Suami);

    private sealed record RecordedMarriage(long? ApplicationId);

    private static Task<RecordedMarriage?> LatestMarriageAsync(AdmindukDbContext db, int residentId, CancellationToken ct) =>
        db.PopulationEvents.AsNoTracking()
            .Where(e => e.ResidentId == residentId && e.Kind == PopulationEventKind.Marriage)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Select(e => new RecordedMarriage(e.ApplicationId))
            .FirstOrDefaultAsync(ct);
}

using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Seeding;

/// <summary>Rows built in memory before they are written, with the id counters and number registries they share.</summary>
internal sealed class SeedRows
{
    public List<RtUnit> RtUnits { get; } = [];

    public List<Household> Households { get; } = [];

    public List<Resident> Residents { get; } = [];

    public List<PopulationEvent> Events { get; } = [];

    /// <summary>The resident chosen as head of each RT (by RtUnit id).</summary>
    public Dictionary<int, Resident> RtHeads { get; } = [];

    public int NextRtId { get; set; } = 1;

    public int NextHouseholdId { get; set; } = 1;

    public int NextResidentId { get; set; } = 1;

    public long NextEventId { get; set; } = 1;

    /// <summary>Last serial used per NIK prefix (district + DDMMYY with +40): the serial is unique within it.</summary>
    public Dictionary<string, int> NikSerials { get; } = new(StringComparer.Ordinal);

    /// <summary>Last serial used per KK prefix (district + issue date DDMMYY).</summary>
    public Dictionary<string, int> KkSerials { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Phones { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Builds one city's households, residents and twelve months of population events, deterministically from
/// a <see cref="SeededRandom"/> and the reference day.
/// </summary>
internal sealed class PopulationGenerator
{
    private const double DaysPerYear = 365.2425;

    private static readonly string[] PhonePrefixes =
    [
        "11", "12", "13", "21", "22", "23", "51", "52", "53", "14", "15", "16", "55", "56", "57", "58", "17", "18", "19", "59",
        "77", "78", "31", "32", "33", "38", "81", "82", "83", "87", "88", "89", "95", "96", "97", "98", "99",
    ];

    private static readonly Weighted<(int From, int To)> CoupleHeadAges = new(
    [
        ((20, 24), 4), ((25, 29), 12), ((30, 34), 15), ((35, 39), 15), ((40, 44), 13), ((45, 49), 11), ((50, 54), 9), ((55, 59), 8),
        ((60, 64), 6), ((65, 69), 4), ((70, 74), 2), ((75, 84), 1.5),
    ]);

    private readonly CityProfile city;
    private readonly RegionCatalog catalog;
    private readonly SeedData data;
    private readonly SeededRandom random;
    private readonly SeedRows rows;
    private readonly DateOnly today;
    private readonly DateOnly yesterday;
    private readonly DateOnly windowStart;
    private readonly TimeSpan utcOffset;
    private readonly List<RtUnit> rts = [];
    private readonly string[] cityDistricts;
    private readonly Dictionary<string, string[]> districtsByRegency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> lastHouseNumber = [];
    private readonly IReadOnlyList<string> cityStreets;
    private readonly IReadOnlyList<string> lanes;

    public PopulationGenerator(CityProfile city, RegionCatalog catalog, SeedData data, SeededRandom random, SeedRows rows, DateOnly today, TimeSpan utcOffset)
    {
        this.city = city;
        this.catalog = catalog;
        this.data = data;
        this.random = random;
        this.rows = rows;
        this.today = today;
        this.utcOffset = utcOffset;
        // The register as it stood at the start of today: nothing is dated today, so no time lies in the future
        // and a seed gives the same city all day. Events cover the twelve months windowStart .. yesterday.
        yesterday = today.AddDays(-1);
        windowStart = today.AddYears(-1);
        cityDistricts = [.. catalog.ChildrenOf(city.RegencyCode).Select(d => d.Code)];
        cityStreets = data.Streets.TryGetValue(city.RegencyCode, out var streets) ? streets : [];
        lanes = data.Streets.TryGetValue("gang", out var gang) ? gang : [];
        if (cityStreets.Count == 0 || lanes.Count == 0)
        {
            throw new InvalidOperationException($"streets.txt needs a [{city.RegencyCode}] and a [gang] section.");
        }
    }

    public IReadOnlyList<RtUnit> Rts => rts;

    /// <summary>The reference day in the city's time zone.</summary>
    public DateOnly Today => today;

    public int Living { get; private set; }

    /// <summary>Lays out the city's RTs and assigns their ids.</summary>
    public void CreateRts()
    {
        foreach (var rt in city.LayOutRts(catalog))
        {
            rt.Id = rows.NextRtId++;
            rts.Add(rt);
            rows.RtUnits.Add(rt);
        }
    }

    /// <summary>Fills every RT with households until the city has exactly <paramref name="living"/> living residents.</summary>
    public void Populate(int living)
    {
        if (living < rts.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(living), $"{city.BirthPlace} needs at least one resident per RT ({rts.Count}).");
        }

        // RTs differ in size. Households keep their natural size; each next one goes to the RT furthest below
        // its share, so the city total is exact without cutting every RT's last household short.
        var weights = rts.Select(_ => random.Between(0.6, 1.4)).ToArray();
        var targets = CityProfile.Apportion(living, weights, minimum: 1);
        var byRt = rts.Select(_ => new List<Household>()).ToArray();
        var current = new int[rts.Count];
        var remaining = living;
        for (var i = 0; i < rts.Count; i++)
        {
            // Every RT gets a household, at most its fair share, so later RTs are not starved in a small city.
            var left = rts.Count - i;
            var cap = Math.Min(remaining - (left - 1), Math.Max(2, (remaining + left - 1) / left));
            var (household, added) = NewHousehold(rts[i], cap, movesOut: false);
            byRt[i].Add(household);
            current[i] += added;
            remaining -= added;
        }

        var queue = new PriorityQueue<int, (int Deficit, int Index)>(Comparer<(int Deficit, int Index)>.Create((a, b) =>
            a.Deficit != b.Deficit ? b.Deficit.CompareTo(a.Deficit) : a.Index.CompareTo(b.Index)));
        for (var i = 0; i < rts.Count; i++)
        {
            queue.Enqueue(i, (targets[i] - current[i], i));
        }

        while (remaining > 0)
        {
            var i = queue.Dequeue();
            var (household, added) = NewHousehold(rts[i], remaining, movesOut: false);
            byRt[i].Add(household);
            current[i] += added;
            remaining -= added;
            queue.Enqueue(i, (targets[i] - current[i], i));
        }

        for (var i = 0; i < rts.Count; i++)
        {
            ChooseRtHead(rts[i], byRt[i]);

            // About 1.2 % of households moved away over the last two years.
            for (var leaving = byRt[i].Count * 0.012; leaving > 0; leaving -= 1)
            {
                if (random.Chance(Math.Min(leaving, 1)))
                {
                    NewHousehold(rts[i], 6, movesOut: true);
                }
            }
        }
    }

    private void ChooseRtHead(RtUnit rt, List<Household> households)
    {
        var candidates = households
            .SelectMany(h => h.Members)
            .Where(r => r.Status == ResidentStatus.Alive && r.RelationshipToHead == RelationshipToHead.KepalaKeluarga)
            .ToList();
        var preferred = candidates.Where(r => AgeOn(r.BirthDate, today) is >= 25 and <= 70).ToList();
        var pool = preferred.Count > 0 ? preferred : candidates;
        if (pool.Count == 0)
        {
            throw new InvalidOperationException($"RT {rt.Id} has no living household head.");
        }

        var head = random.Pick(pool);
        head.Phone ??= NewPhone();
        rows.RtHeads[rt.Id] = head;
    }

    // ---- households -------------------------------------------------------------------------------------

    private sealed class Person
    {
        public required Resident R { get; init; }

        public required string Tradition { get; init; }

        public string? Family { get; init; }
    }

    private sealed class Draft
    {
        public required RtUnit Rt { get; init; }

        public required string District { get; init; }

        /// <summary>Reference day for ages: today, or the departure day of a household that moved away.</summary>
        public required DateOnly AsOf { get; init; }

        public required string Tradition { get; set; }

        public Religion Religion { get; set; }

        public Origin? Origin { get; init; }

        public string? OriginDistrict { get; init; }

        public string? OriginPlace { get; init; }

        public bool ArrivalMayBeRecent { get; init; }

        public DateOnly? ArrivedOn { get; set; }

        public DateOnly? MarriedOn { get; set; }

        public List<Person> Members { get; } = [];

        public int Living => Members.Count(m => m.R.Status == ResidentStatus.Alive);
    }

    private (Household Household, int Living) NewHousehold(RtUnit rt, int maxLiving, bool movesOut)
    {
        var asOf = movesOut ? yesterday.AddDays(-random.Next(730)) : today;
        var migrant = random.Chance(city.MigrantHouseholdShare);
        Origin? origin = null;
        string? originDistrict = null;
        string? originPlace = null;
        var tradition = city.NativeTraditions.Pick(random);
        if (migrant)
        {
            origin = city.Origins.Pick(random);
            tradition = origin.Traditions.Pick(random);
            originDistrict = random.Pick(DistrictsOf(origin.RegencyCode));
            originPlace = PlaceName(origin.RegencyCode);
        }

        var h = new Draft
        {
            Rt = rt,
            District = RegionCode.ParentOf(rt.VillageCode)!,
            AsOf = asOf,
            Tradition = tradition,
            Religion = Tradition.All[tradition].Religions.Pick(random),
            Origin = origin,
            OriginDistrict = originDistrict,
            OriginPlace = originPlace,
            ArrivalMayBeRecent = !movesOut,
        };

        var r = random.NextDouble();
        if (maxLiving == 1 || r < 0.065)
        {
            Single(h);
        }
        else if (r < 0.84)
        {
            Couple(h, maxLiving);
        }
        else if (r < 0.90 && maxLiving >= 4)
        {
            ThreeGenerations(h, maxLiving);
        }
        else if (r < 0.98)
        {
            SingleParent(h, maxLiving);
        }
        else
        {
            Relatives(h, maxLiving);
        }

        return (Finish(h, movesOut), movesOut ? 0 : h.Living);
    }

    private void Single(Draft h)
    {
        var x = random.NextDouble();
        if (x < 0.55)
        {
            var sex = random.Chance(0.62) ? Sex.Male : Sex.Female;
            AddHead(h, sex, random.Between(19.0, 35.0), MaritalStatus.BelumKawin);
        }
        else if (x < 0.75)
        {
            AddHead(h, random.Chance(0.5) ? Sex.Male : Sex.Female, random.Between(35.0, 60.0),
                random.Chance(0.6) ? MaritalStatus.CeraiHidup : MaritalStatus.BelumKawin);
        }
        else
        {
            var head = AddHead(h, random.Chance(0.7) ? Sex.Female : Sex.Male, random.Between(60.0, 89.0), MaritalStatus.CeraiMati);
            MaybeDeceasedSpouse(h, head, 0.22);
        }
    }

    private void Couple(Draft h, int maxLiving)
    {
        var headAge = PickBand(CoupleHeadAges);
        var spouseAge = Math.Max(18.5, headAge - Math.Clamp(random.Normal(3.5, 3.5), -4, 12));
        // Now and then the wife heads the KK.
        var femaleHead = random.Chance(0.01);
        var head = AddHead(h, femaleHead ? Sex.Female : Sex.Male, femaleHead ? spouseAge : headAge, MaritalStatus.Kawin);
        var spouse = AddSpouse(h, head, femaleHead ? headAge : spouseAge);
        var husband = femaleHead ? spouse : head;
        var wife = femaleHead ? head : spouse;
        var motherAge = AgeYears(wife.R.BirthDate, h.AsOf);

        var kids = PickChildCount(motherAge);
        var parents = AgeYears(head.R.BirthDate, h.AsOf) is >= 30 and <= 60 && random.Chance(0.06) ? (random.Chance(0.75) ? 1 : 2) : 0;
        var relative = random.Chance(0.03) ? 1 : 0;
        var maid = AgeYears(head.R.BirthDate, h.AsOf) >= 35 && random.Chance(0.005) ? 1 : 0;
        kids = Math.Min(kids, maxLiving - 2);
        var room = maxLiving - 2 - kids;
        parents = Math.Min(parents, room);
        room -= parents;
        relative = Math.Min(relative, room);
        room -= relative;
        maid = Math.Min(maid, room);

        // Young couples without children: some married within the last twelve months.
        if (kids == 0 && motherAge < 35 && h.ArrivalMayBeRecent && h.ArrivedOn is null && random.Chance(0.4))
        {
            h.MarriedOn = RandomDayInWindow();
        }

        AddChildren(h, husband, wife, kids);
        if (parents > 0)
        {
            AddParents(h, random.Chance(0.6) ? husband : wife, parents);
        }

        for (var i = 0; i < relative; i++)
        {
            AddMember(h, RelationshipToHead.FamiliLain, random.Chance(0.5) ? Sex.Male : Sex.Female, random.Between(8.0, 25.0),
                MaritalStatus.BelumKawin, h.Tradition, null);
        }

        if (maid > 0)
        {
            AddMember(h, RelationshipToHead.Pembantu, Sex.Female, random.Between(18.0, 45.0),
                random.Chance(0.5) ? MaritalStatus.Kawin : MaritalStatus.BelumKawin, city.NativeTraditions.Pick(random), null,
                ownReligion: true);
        }

        // Parents who lived here and died recently; rarely a child.
        var headAgeNow = AgeYears(head.R.BirthDate, h.AsOf);
        if (headAgeNow is >= 45 and <= 72 && random.Chance(0.01))
        {
            var gap = random.Between(20.0, 35.0);
            AddDeceased(h, RelationshipToHead.OrangTua, random.Chance(0.5) ? Sex.Male : Sex.Female,
                died => Math.Min(98, AgeYears(head.R.BirthDate, died) + gap), MaritalStatus.CeraiMati, head.Tradition, null, [head]);
        }

        if (kids > 0 && random.Chance(0.002))
        {
            var share = random.NextDouble();
            AddDeceased(h, RelationshipToHead.Anak, random.Chance(0.5) ? Sex.Male : Sex.Female,
                died => Math.Min(20, Math.Max(0, Math.Min(AgeYears(wife.R.BirthDate, died), AgeYears(husband.R.BirthDate, died)) - 19)) * share,
                MaritalStatus.BelumKawin, husband.Tradition, husband.Family);
        }

        // Grown children who moved away for study or work.
        if (headAgeNow >= 45 && h.AsOf == today && random.Chance(0.04))
        {
            var left = yesterday.AddDays(-random.Next(730));
            var hi = Math.Min(30, Math.Min(AgeYears(wife.R.BirthDate, left), AgeYears(husband.R.BirthDate, left)) - 19);
            if (hi >= 18)
            {
                var child = AddMember(h, RelationshipToHead.Anak, random.Chance(0.5) ? Sex.Male : Sex.Female, random.Between(18.0, hi),
                    random.Chance(0.8) ? MaritalStatus.BelumKawin : MaritalStatus.Kawin, husband.Tradition, husband.Family, father: husband, asOf: left);
                MoveOut(child.R, left);
            }
        }
    }

    private void ThreeGenerations(Draft h, int maxLiving)
    {
        var headAge = random.Between(50.0, 76.0);
        var widowed = random.Chance(0.3);
        var headSex = widowed && random.Chance(0.6) ? Sex.Female : Sex.Male;
        var head = AddHead(h, headSex, headAge, widowed ? MaritalStatus.CeraiMati : MaritalStatus.Kawin);
        Person? spouse = null;
        if (!widowed)
        {
            spouse = AddSpouse(h, head, Math.Max(42, headAge - Math.Clamp(random.Normal(3.5, 3), -4, 12)));
        }

        var husband = head.R.Sex == Sex.Male ? head : spouse;
        var wife = head.R.Sex == Sex.Female ? head : spouse;
        var youngestParent = Math.Min(headAge, spouse is null ? headAge : AgeYears(spouse.R.BirthDate, h.AsOf));
        var childAge = random.Between(22.0, Math.Max(22.5, Math.Min(40, youngestParent - 19)));
        var childSex = random.Chance(0.5) ? Sex.Male : Sex.Female;
        var child = AddMember(h, RelationshipToHead.Anak, childSex, childAge, MaritalStatus.Kawin, head.Tradition,
            husband?.Family ?? head.Family, father: husband);
        var inLawTradition = random.Chance(0.7) ? head.Tradition : city.NativeTraditions.Pick(random);
        var inLaw = AddMember(h, RelationshipToHead.Menantu, childSex == Sex.Male ? Sex.Female : Sex.Male,
            Math.Max(19, childAge + (childSex == Sex.Male ? -random.Between(0.0, 5.0) : random.Between(0.0, 5.0))),
            MaritalStatus.Kawin, inLawTradition, FamilyFor(inLawTradition, childSex == Sex.Male ? Sex.Female : Sex.Male), ownReligion: false);

        var room = maxLiving - h.Living;
        var grandchildren = Math.Min(room, random.Between(1, 3));
        var youngFather = childSex == Sex.Male ? child : inLaw;
        var youngMother = childSex == Sex.Male ? inLaw : child;
        AddChildren(h, youngFather, youngMother, grandchildren, RelationshipToHead.Cucu);
        room = maxLiving - h.Living;
        if (room > 0 && wife is not null && random.Chance(0.4))
        {
            AddChildren(h, husband, wife, Math.Min(room, random.Between(1, 2)), maxAge: childAge - 1.5);
        }

        if (widowed)
        {
            MaybeDeceasedSpouse(h, head, 0.25);
        }
    }

    private void SingleParent(Draft h, int maxLiving)
    {
        var sex = random.Chance(0.8) ? Sex.Female : Sex.Male;
        var age = Math.Clamp(random.Normal(42, 9), 24, 70);
        var widowed = age >= 50 ? random.Chance(0.65) : random.Chance(0.4);
        var head = AddHead(h, sex, age, widowed ? MaritalStatus.CeraiMati : MaritalStatus.CeraiHidup);
        var kids = Math.Min(maxLiving - 1, PickChildCount(age) is var k && k == 0 ? 1 : k);
        if (sex == Sex.Female)
        {
            AddChildren(h, null, head, kids);
        }
        else
        {
            AddChildren(h, head, null, kids);
        }

        if (widowed)
        {
            MaybeDeceasedSpouse(h, head, 0.3);
        }
    }

    private void Relatives(Draft h, int maxLiving)
    {
        AddHead(h, random.Chance(0.55) ? Sex.Male : Sex.Female, random.Between(20.0, 35.0), MaritalStatus.BelumKawin);
        var others = Math.Min(maxLiving - 1, random.Between(1, 3));
        for (var i = 0; i < others; i++)
        {
            AddMember(h, RelationshipToHead.FamiliLain, random.Chance(0.5) ? Sex.Male : Sex.Female, random.Between(15.0, 30.0),
                MaritalStatus.BelumKawin, h.Tradition, null);
        }
    }

    // Shares of 0, 1, 2, ... children at home by the mother's age band (under 25, 30, 35, 45, 55, 65, older).
    private static readonly double[][] ChildCounts =
    [
        [0.35, 0.45, 0.20],
        [0.12, 0.35, 0.38, 0.15],
        [0.05, 0.20, 0.40, 0.25, 0.10],
        [0.04, 0.12, 0.32, 0.32, 0.15, 0.05],
        [0.08, 0.20, 0.35, 0.24, 0.10, 0.03],
        [0.30, 0.35, 0.22, 0.13],
        [0.55, 0.30, 0.15],
    ];

    private int PickChildCount(double motherAge)
    {
        var shares = ChildCounts[motherAge switch
        {
            < 25 => 0,
            < 30 => 1,
            < 35 => 2,
            < 45 => 3,
            < 55 => 4,
            < 65 => 5,
            _ => 6,
        }];
        var x = random.NextDouble();
        for (var i = 0; i < shares.Length; i++)
        {
            if (x < shares[i])
            {
                return i;
            }

            x -= shares[i];
        }

        return shares.Length - 1;
    }

    private void AddChildren(Draft h, Person? father, Person? mother, int count, RelationshipToHead relationship = RelationshipToHead.Anak, double maxAge = 32)
    {
        if (count <= 0)
        {
            return;
        }

        if (h.MarriedOn is not null)
        {
            // Newly-weds have no children yet.
            return;
        }

        // Children were born while their mother was 18 to 43 and their father at least 18.
        var mAge = mother is null ? (double?)null : AgeYears(mother.R.BirthDate, h.AsOf);
        var fAge = father is null ? (double?)null : AgeYears(father.R.BirthDate, h.AsOf);
        var parentAge = Math.Min(mAge ?? double.MaxValue, fAge ?? double.MaxValue);
        var hi = Math.Min(Math.Min(maxAge, 32), parentAge - 18.5);
        var lo = Math.Max(0, (mAge ?? parentAge) - 43);
        if (hi < lo)
        {
            return;
        }

        // Slightly fewer infants than a flat spread would give (about 1.8 % of residents are under one).
        var ages = Enumerable.Range(0, count).Select(_ => lo + ((hi - lo) * Math.Pow(random.NextDouble(), 0.88))).OrderDescending().ToList();
        for (var i = 1; i < ages.Count; i++)
        {
            ages[i] = Math.Min(ages[i], ages[i - 1] - 1.2);
        }

        var fatherFamily = father?.Family ?? (mother is not null && Tradition.All[mother.Tradition].FamilyNameInherited > 0
            ? FamilyFor(mother.Tradition, Sex.Male)
            : null);
        var tradition = father?.Tradition ?? mother!.Tradition;
        foreach (var age in ages.Where(a => a >= 0))
        {
            var sex = random.Chance(0.51) ? Sex.Male : Sex.Female;
            var status = age >= 22 && random.Chance(0.03) ? MaritalStatus.CeraiHidup : MaritalStatus.BelumKawin;
            AddMember(h, relationship, sex, age, status, tradition, fatherFamily, father: father);
        }
    }

    private void AddParents(Draft h, Person child, int count)
    {
        var childAge = AgeYears(child.R.BirthDate, h.AsOf);
        var fatherAge = Math.Min(97, childAge + random.Between(22.0, 35.0));
        var relationship = child.R.RelationshipToHead == RelationshipToHead.KepalaKeluarga ? RelationshipToHead.OrangTua : RelationshipToHead.Mertua;
        if (count == 2)
        {
            AddMember(h, relationship, Sex.Male, fatherAge, MaritalStatus.Kawin, child.Tradition, child.Family);
            AddMember(h, relationship, Sex.Female, Math.Max(childAge + 19, fatherAge - random.Between(0.0, 6.0)), MaritalStatus.Kawin,
                child.Tradition, FamilyFor(child.Tradition, Sex.Female));
            return;
        }

        // A widowed parent, usually the mother; sometimes the other parent died recently.
        var sex = random.Chance(0.75) ? Sex.Female : Sex.Male;
        var age = sex == Sex.Male ? fatherAge : Math.Max(childAge + 19, fatherAge - random.Between(0.0, 6.0));
        var parent = AddMember(h, relationship, sex, age, MaritalStatus.CeraiMati, child.Tradition,
            sex == Sex.Male ? child.Family : FamilyFor(child.Tradition, Sex.Female));
        if (random.Chance(0.25))
        {
            var offset = random.Between(-3.0, 6.0);
            AddDeceased(h, relationship, sex == Sex.Male ? Sex.Female : Sex.Male, died => Math.Min(98, AgeYears(parent.R.BirthDate, died) + offset),
                MaritalStatus.Kawin, child.Tradition, sex == Sex.Male ? FamilyFor(child.Tradition, Sex.Female) : child.Family, [child]);
        }
    }

    private void MaybeDeceasedSpouse(Draft h, Person widow, double probability)
    {
        if (h.AsOf != today || !random.Chance(probability))
        {
            return;
        }

        var sex = widow.R.Sex == Sex.Male ? Sex.Female : Sex.Male;
        var offset = sex == Sex.Male ? random.Between(0.0, 6.0) : -random.Between(0.0, 6.0);
        var children = h.Members.Where(m => m.R.RelationshipToHead == RelationshipToHead.Anak).ToList();
        AddDeceased(h, sex == Sex.Male ? RelationshipToHead.Suami : RelationshipToHead.Istri, sex,
            died => Math.Max(20, AgeYears(widow.R.BirthDate, died) + offset), MaritalStatus.Kawin,
            widow.Tradition, sex == Sex.Male ? widow.Family : FamilyFor(widow.Tradition, sex), children);
    }

    // ---- people -----------------------------------------------------------------------------------------

    private Person AddHead(Draft h, Sex sex, double age, MaritalStatus status)
    {
        var birth = BirthFromAge(age, h.AsOf);
        if (h.Origin is not null && h.ArrivedOn is null)
        {
            // Arrived as an adult: recently (about one migrant household in eight) or up to 25 years ago.
            var adultYears = Math.Max(0.1, age - 17);
            var yearsAgo = h.ArrivalMayBeRecent && random.Chance(0.12)
                ? random.Between(0.0, 0.99)
                : Math.Min(adultYears, random.Between(1.0, 25.0));
            h.ArrivedOn = h.AsOf.AddDays(-Math.Max(1, (int)(yearsAgo * DaysPerYear)));
            if (h.ArrivedOn < birth.AddYears(17))
            {
                h.ArrivedOn = birth.AddYears(17);
            }
        }

        return AddPerson(h, RelationshipToHead.KepalaKeluarga, sex, birth, status, h.Tradition, FamilyFor(h.Tradition, sex), h.Religion, null);
    }

    private Person AddSpouse(Draft h, Person head, double age)
    {
        var sex = head.R.Sex == Sex.Male ? Sex.Female : Sex.Male;
        // Most marry within their own tradition; mixed couples share a religion.
        var tradition = random.Chance(0.75) ? head.Tradition : city.NativeTraditions.Pick(random);
        var relationship = sex == Sex.Female ? RelationshipToHead.Istri : RelationshipToHead.Suami;
        return AddPerson(h, relationship, sex, BirthFromAge(age, h.AsOf), MaritalStatus.Kawin, tradition,
            FamilyFor(tradition, sex), head.R.Religion, null);
    }

    private Person AddMember(Draft h, RelationshipToHead relationship, Sex sex, double age, MaritalStatus status, string tradition, string? family,
        Person? father = null, bool ownReligion = false, DateOnly? asOf = null)
    {
        var religion = ownReligion ? Tradition.All[tradition].Religions.Pick(random) : h.Religion;
        return AddPerson(h, relationship, sex, BirthFromAge(age, asOf ?? h.AsOf), status, tradition, family, religion, father, asOf);
    }

    /// <summary>
    /// A member who died within the last two years (half fall in the twelve-month event window). The age is
    /// computed for the day of death; <paramref name="children"/> were born while this person lived, after they turned 19.
    /// </summary>
    private void AddDeceased(Draft h, RelationshipToHead relationship, Sex sex, Func<DateOnly, double> ageAtDeath, MaritalStatus status,
        string tradition, string? family, IReadOnlyList<Person>? children = null)
    {
        if (h.AsOf != today)
        {
            return;
        }

        var died = yesterday.AddDays(-random.Next(730));
        if (children is { Count: > 0 } && children.Max(c => c.R.BirthDate) is var youngest && died < youngest)
        {
            died = youngest.AddDays(random.Next(yesterday.DayNumber - youngest.DayNumber + 1));
        }

        var birth = BirthFromAge(ageAtDeath(died), died);
        if (children is { Count: > 0 } && children.Min(c => c.R.BirthDate).AddYears(-19) is var latest && birth > latest)
        {
            birth = latest;
        }

        var person = AddPerson(h, relationship, sex, birth, status, tradition, family, h.Religion, null, asOf: died);
        person.R.Status = ResidentStatus.Deceased;
        person.R.DeceasedOn = died;
        person.R.Phone = null;
    }

    private Person AddPerson(Draft h, RelationshipToHead relationship, Sex sex, DateOnly birth, MaritalStatus status, string tradition,
        string? family, Religion religion, Person? father, DateOnly? asOf = null)
    {
        var reference = asOf ?? h.AsOf;
        var age = AgeOn(birth, reference);
        var (district, birthPlace) = Registration(h, birth);
        var education = Demography.PickEducation(random, age, birth.Year);
        var resident = new Resident
        {
            Id = rows.NextResidentId++,
            Nik = NewNik(district, birth, sex),
            HouseholdId = null,
            RelationshipToHead = relationship,
            FullName = ComposeName(sex, birth, tradition, religion, family, father),
            Sex = sex,
            BirthPlace = birthPlace,
            BirthDate = birth,
            Religion = religion,
            MaritalStatus = age < 17 ? MaritalStatus.BelumKawin : status,
            Education = education,
            Occupation = Demography.PickOccupation(random, age, sex, education),
            Citizenship = Citizenship.Wni,
            RtUnitId = h.Rt.Id,
            Status = ResidentStatus.Alive,
        };
        var person = new Person { R = resident, Tradition = tradition, Family = family };
        h.Members.Add(person);
        return person;
    }

    /// <summary>Where a person's NIK was issued and where they were born.</summary>
    private (string District, string BirthPlace) Registration(Draft h, DateOnly birth)
    {
        if (h.OriginDistrict is not null && h.ArrivedOn is { } arrived && birth < arrived)
        {
            // Migrants keep the NIK of their first registration; a few from another district of the same regency.
            var district = random.Chance(0.7) ? h.OriginDistrict : random.Pick(DistrictsOf(h.Origin!.RegencyCode));
            return (district, h.OriginPlace!);
        }

        // Born or registered here; some adults registered in another kecamatan of the city before moving.
        var local = AgeOn(birth, h.AsOf) < 17 || random.Chance(0.8) ? h.District : random.Pick(cityDistricts);
        if (h.ArrivedOn is { } a && birth >= a)
        {
            return (local, city.BirthPlace);
        }

        // Everyone born within the event window was born here (their birth is in this register).
        var bornHere = birth >= windowStart ? 1 : birth.Year >= 1990 ? 0.85 : 0.45;
        return (local, random.Chance(bornHere) ? city.BirthPlace : PlaceName(city.Origins.Pick(random).RegencyCode));
    }

    private string NewNik(string dottedDistrict, DateOnly birth, Sex sex)
    {
        var digits = dottedDistrict.Replace(".", "", StringComparison.Ordinal);
        var day = birth.Day + (sex == Sex.Female ? 40 : 0);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{digits}{day:00}{birth.Month:00}{birth.Year % 100:00}");
        var serial = rows.NikSerials.TryGetValue(prefix, out var last) ? last + 1 : 1 + random.Next(3);
        rows.NikSerials[prefix] = serial;
        return NumberComposer.Nik(digits, birth, sex, serial);
    }

    private string NewKk(string dottedDistrict, DateOnly issued)
    {
        var digits = dottedDistrict.Replace(".", "", StringComparison.Ordinal);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{digits}{issued.Day:00}{issued.Month:00}{issued.Year % 100:00}");
        var serial = rows.KkSerials.TryGetValue(prefix, out var last) ? last + 1 : 1 + random.Next(20);
        rows.KkSerials[prefix] = serial;
        return NumberComposer.KkNumber(digits, issued, serial);
    }

    public string NewPhone()
    {
        while (true)
        {
            var phone = string.Create(CultureInfo.InvariantCulture, $"+628{random.Pick(PhonePrefixes)}{random.Next(100_000_000):00000000}");
            if (rows.Phones.Add(phone))
            {
                return phone;
            }
        }
    }

    // ---- names ------------------------------------------------------------------------------------------

    private string? FamilyFor(string tradition, Sex sex)
    {
        var t = Tradition.All[tradition];
        if (t.FamilyNameInherited <= 0 || !random.Chance(t.FamilyNameInherited))
        {
            return null;
        }

        var names = data.Family(tradition, sex);
        return names.Count == 0 ? null : random.Pick(names);
    }

    private string ComposeName(Sex sex, DateOnly birth, string tradition, Religion religion, string? family, Person? father)
    {
        var t = Tradition.All[tradition];
        var young = birth.Year >= 2000;
        var given = PickGiven(sex, t, religion, young);
        if (religion == Religion.Hindu && tradition == "bali")
        {
            var balinese = data.Family("bali", sex);
            return random.Chance(0.3) ? $"{given} {random.Pick(balinese)} {random.Pick(balinese)}" : $"{given} {random.Pick(balinese)}";
        }

        if (family is not null)
        {
            return !given.Contains(' ', StringComparison.Ordinal) && random.Chance(0.25)
                ? $"{given} {PickGiven(sex, t, religion, young)} {family}"
                : $"{given} {family}";
        }

        var singleName = birth.Year < 1975 && tradition is "jawa" or "sunda" or "bugis" or "banjar" or "kutai" ? 0.35 : 0.07;
        if (random.Chance(singleName))
        {
            return given;
        }

        if (father is not null && random.Chance(0.15) && father.R.FullName.LastIndexOf(' ') is > 0 and var space)
        {
            var last = father.R.FullName[(space + 1)..];
            if (!given.Contains(last, StringComparison.Ordinal))
            {
                return $"{given} {last}";
            }
        }

        var second = PickSecond(sex, t, religion, young);
        var x = random.NextDouble();
        var oneWord = !given.Contains(' ', StringComparison.Ordinal);
        if (x < 0.18 && oneWord)
        {
            var other = PickGiven(sex, t, religion, young);
            return other == given ? $"{given} {second}" : $"{given} {other}";
        }

        if (x < 0.28 && oneWord)
        {
            var other = PickGiven(sex, t, religion, young);
            return other == given || other.Contains(' ', StringComparison.Ordinal) ? $"{given} {second}" : $"{given} {other} {second}";
        }

        return second == given ? given : $"{given} {second}";
    }

    private string PickGiven(Sex sex, Tradition t, Religion religion, bool young)
    {
        IReadOnlyList<string> own;
        switch (religion)
        {
            case Religion.Islam:
                own = t.MuslimNames ? data.Given(t.Key, sex) : [];
                var x = random.NextDouble();
                if (young)
                {
                    return random.Pick(x < 0.55 ? data.Given("modern", sex) : x < 0.8 || own.Count == 0 ? data.Given("islam", sex) : own);
                }

                return random.Pick(x < 0.45 || own.Count == 0 ? data.Given("islam", sex) : own);
            case Religion.Kristen or Religion.Katolik:
                own = !t.MuslimNames || t.Key is "jawa" or "sunda" ? data.Given(t.Key, sex) : [];
                return random.Pick(own.Count == 0 || random.Chance(0.5) ? data.Given("kristen", sex) : own);
            case Religion.Hindu:
                return random.Pick(data.Given(t.Key == "bali" ? "bali" : "jawa", sex));
            case Religion.Buddha or Religion.Konghucu:
                return random.Pick(data.Given("tionghoa", sex));
            default:
                return random.Pick(data.Given("dayak", sex));
        }
    }

    private string PickSecond(Sex sex, Tradition t, Religion religion, bool young)
    {
        var own = data.Family(t.Key, sex);
        if (religion == Religion.Islam)
        {
            var x = random.NextDouble();
            if (young && x < 0.35)
            {
                return random.Pick(data.Family("modern", sex));
            }

            return random.Pick(own.Count == 0 || x > 0.7 ? data.Family("islam", sex) : own);
        }

        return random.Pick(own.Count == 0 ? data.Family("jawa", sex) : own);
    }

    // ---- finishing: KK, address, phones, events ---------------------------------------------------------

    private Household Finish(Draft h, bool movesOut)
    {
        var household = new Household
        {
            Id = rows.NextHouseholdId++,
            KkNumber = "",
            RtUnitId = h.Rt.Id,
            Address = NewAddress(h.Rt),
        };

        var events = new List<PopulationEvent>();
        var head = h.Members[0];
        var registered = RegisterStart(head.R.BirthDate);
        // Every change of membership reissues the KK.
        var changes = new List<DateOnly>();

        if (h.ArrivedOn is { } arrived)
        {
            changes.Add(arrived);
            if (arrived >= windowStart)
            {
                foreach (var m in h.Members.Where(m => m.R.BirthDate < arrived && m.R.Status != ResidentStatus.Deceased))
                {
                    events.Add(NewEvent(PopulationEventKind.Arrival, m.R, household, arrived, 7,
                        $"Kedatangan dari {PlaceName(h.Origin!.RegencyCode)} (SKPWNI), masuk KK {head.R.FullName}"));
                }
            }
        }

        if (h.MarriedOn is { } married)
        {
            changes.Add(married);
            foreach (var m in h.Members.Where(m => m.R.RelationshipToHead is RelationshipToHead.KepalaKeluarga or RelationshipToHead.Istri or RelationshipToHead.Suami))
            {
                events.Add(NewEvent(PopulationEventKind.Marriage, m.R, household, married, 14, "Pencatatan perkawinan, status menjadi Kawin"));
            }

            var newCard = married.AddDays(random.Between(3, 14));
            events.Add(NewEvent(PopulationEventKind.HouseholdChange, head.R, household, newCard > yesterday ? yesterday : newCard, 0,
                "Penerbitan KK baru setelah perkawinan"));
        }

        foreach (var m in h.Members)
        {
            var r = m.R;
            var born = r.BirthDate;
            var bornIntoHousehold = born > registered && (h.ArrivedOn is null || born >= h.ArrivedOn);
            if (bornIntoHousehold)
            {
                changes.Add(born);
            }

            if (bornIntoHousehold && born >= windowStart)
            {
                events.Add(NewEvent(PopulationEventKind.Birth, r, household, born, 45, $"Kelahiran, anak dalam KK {head.R.FullName}"));
            }

            if (r.DeceasedOn is { } died)
            {
                changes.Add(died);
                if (died >= windowStart)
                {
                    events.Add(NewEvent(PopulationEventKind.Death, r, household, died, 21, "Kematian, akta kematian diterbitkan"));
                }
            }

            if (r.MovedOutOn is { } left)
            {
                changes.Add(left);
                if (left >= windowStart)
                {
                    events.Add(NewEvent(PopulationEventKind.Departure, r, household, left, 3, $"Pindah keluar ke {PlaceOf(r.MovedToRegionCode!)} (SKPWNI)"));
                }
            }
        }

        if (movesOut)
        {
            var destination = random.Pick(DistrictsOf(city.Destinations.Pick(random)));
            foreach (var m in h.Members)
            {
                MoveOut(m.R, h.AsOf, destination);
                if (h.AsOf >= windowStart)
                {
                    events.Add(NewEvent(PopulationEventKind.Departure, m.R, household, h.AsOf, 3, $"Pindah keluar sekeluarga ke {PlaceOf(destination)} (SKPWNI)"));
                }
            }
        }
        else if ((h.ArrivedOn is null || h.ArrivedOn < windowStart) && h.MarriedOn is null && rts.Count > 1 && random.Chance(0.02))
        {
            // Moved here from another RT of the city within the last twelve months.
            var movedOn = RandomDayInWindow();
            var from = rts[random.Next(rts.Count)];
            while (from.Id == h.Rt.Id)
            {
                from = rts[random.Next(rts.Count)];
            }

            changes.Add(movedOn);
            foreach (var m in h.Members.Where(m => m.R.Status == ResidentStatus.Alive && m.R.BirthDate < movedOn))
            {
                events.Add(NewEvent(PopulationEventKind.MoveWithinCity, m.R, household, movedOn, 7,
                    string.Create(CultureInfo.InvariantCulture, $"Pindah datang dari RT {from.Rt:000}/RW {from.Rw:000} {VillageName(from.VillageCode)}")));
            }
        }

        if (!movesOut)
        {
            // Corrections of register data, about one adult in a hundred a year.
            foreach (var m in h.Members.Where(m => m.R.Status == ResidentStatus.Alive && AgeOn(m.R.BirthDate, windowStart) >= 18))
            {
                if (random.Chance(0.01))
                {
                    var details = random.Chance(0.5)
                        ? $"Perubahan data pekerjaan menjadi {m.R.Occupation}"
                        : $"Perubahan data pendidikan terakhir menjadi {Demography.Label(m.R.Education)}";
                    events.Add(NewEvent(PopulationEventKind.DataChange, m.R, household, RandomDayInWindow(), 10, details));
                }
            }
        }

        var issued = registered.AddDays(random.Next(Math.Max(1, h.AsOf.DayNumber - registered.DayNumber)));
        foreach (var change in changes)
        {
            var after = change.AddDays(random.Between(3, 30));
            if (after > issued)
            {
                issued = after;
            }
        }

        if (issued >= today)
        {
            issued = yesterday;
        }

        if (issued > h.AsOf)
        {
            issued = h.AsOf;
        }

        household.IssuedOn = issued;
        household.KkNumber = NewKk(h.District, issued);

        foreach (var m in h.Members)
        {
            var r = m.R;
            r.HouseholdId = household.Id;
            household.Members.Add(r);
            if (r.Status != ResidentStatus.Deceased && AgeOn(r.BirthDate, today) >= 17 && random.Chance(0.6))
            {
                r.Phone = NewPhone();
            }

            var created = r.BirthDate >= registered ? r.BirthDate.AddDays(random.Between(7, 60)) : registered.AddDays(random.Next(400));
            if (h.ArrivedOn is { } a && created < a)
            {
                created = a.AddDays(random.Between(1, 10));
            }

            r.CreatedAt = At(created > yesterday ? yesterday : created);
            r.UpdatedAt = r.CreatedAt;
            rows.Residents.Add(r);
        }

        foreach (var e in events)
        {
            var r = e.Resident!;
            if (e.Kind is PopulationEventKind.Birth or PopulationEventKind.Arrival)
            {
                // The resident entered this register with that event.
                r.CreatedAt = e.RecordedAt;
            }

            if (e.RecordedAt > r.UpdatedAt)
            {
                r.UpdatedAt = e.RecordedAt;
            }
        }

        foreach (var e in events)
        {
            if (e.Resident!.UpdatedAt < e.Resident.CreatedAt)
            {
                e.Resident.UpdatedAt = e.Resident.CreatedAt;
            }

            e.Resident = null;
        }

        rows.Events.AddRange(events);
        rows.Households.Add(household);
        if (!movesOut)
        {
            Living += h.Living;
        }

        return household;
    }

    private void MoveOut(Resident r, DateOnly on, string? destination = null)
    {
        r.Status = ResidentStatus.MovedOut;
        r.MovedOutOn = on;
        r.MovedToRegionCode = destination ?? random.Pick(DistrictsOf(city.Destinations.Pick(random)));
    }

    private PopulationEvent NewEvent(PopulationEventKind kind, Resident r, Household household, DateOnly on, int maxDelayDays, string details)
    {
        var recordedOn = on.AddDays(random.Next(maxDelayDays + 1));
        return new PopulationEvent
        {
            Id = rows.NextEventId++,
            Kind = kind,
            ResidentId = r.Id,
            Resident = r,
            HouseholdId = household.Id,
            RtUnitId = household.RtUnitId,
            OccurredOn = on,
            RecordedAt = At(recordedOn > yesterday ? yesterday : recordedOn),
            Details = details,
        };
    }

    /// <summary>A time during office hours on that day, in UTC.</summary>
    private DateTimeOffset At(DateOnly day)
    {
        var local = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), utcOffset).AddMinutes(random.Next(8 * 60));
        return local.ToUniversalTime();
    }

    /// <summary>When the household first appears in the register: the head's 17th birthday, not before 2005.</summary>
    private DateOnly RegisterStart(DateOnly headBirth)
    {
        var adult = headBirth.AddYears(17);
        var start = new DateOnly(2005, 1, 1).AddDays(random.Next(3_000));
        return adult > start ? adult : start;
    }

    private DateOnly RandomDayInWindow() => windowStart.AddDays(random.Next(yesterday.DayNumber - windowStart.DayNumber + 1));

    private string NewAddress(RtUnit rt)
    {
        // Each RT sits on one main street; about half its houses are on a lane (gang) off it.
        var street = cityStreets[(rt.Id * 7919) % cityStreets.Count];
        var number = lastHouseNumber.TryGetValue(rt.Id, out var n) ? n + random.Between(1, 4) : random.Between(1, 40);
        lastHouseNumber[rt.Id] = number;
        return rt.Id % 2 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{street} {lanes[(rt.Id * 31) % lanes.Count]} No. {number}")
            : string.Create(CultureInfo.InvariantCulture, $"{street} No. {number}");
    }

    // ---- regions and dates ------------------------------------------------------------------------------

    private string[] DistrictsOf(string regencyCode)
    {
        if (districtsByRegency.TryGetValue(regencyCode, out var cached))
        {
            return cached;
        }

        string[] districts;
        if (RenumberedRegencies.CurrentRegencyOf(regencyCode) is not null)
        {
            districts = [.. RenumberedRegencies.Districts.Keys.Where(k => k.StartsWith(regencyCode + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }
        else
        {
            districts = [.. catalog.ChildrenOf(regencyCode).Select(d => d.Code)];
        }

        if (districts.Length == 0)
        {
            throw new InvalidOperationException($"No districts known for regency {regencyCode}.");
        }

        districtsByRegency[regencyCode] = districts;
        return districts;
    }

    /// <summary>A birth place as written on the KK: the regency's name without "Kota"/"Kabupaten".</summary>
    private string PlaceName(string regencyCode)
    {
        var current = RenumberedRegencies.CurrentRegencyOf(regencyCode) ?? regencyCode;
        var name = catalog.Find(current)?.Name ?? throw new InvalidOperationException($"Unknown regency {current}.");
        foreach (var prefix in new[] { "Kota Administrasi ", "Kabupaten Administrasi ", "Kota ", "Kabupaten " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private string PlaceOf(string districtCode) =>
        catalog.Find(districtCode) is { } d && RegionCode.ParentOf(d.Code) is { } regency
            ? $"Kec. {d.Name}, {catalog.Find(regency)?.Name}"
            : districtCode;

    private string VillageName(string villageCode) => catalog.Find(villageCode) is { } v ? $"Kel. {v.Name}" : villageCode;

    private double PickBand(Weighted<(int From, int To)> bands)
    {
        var band = bands.Pick(random);
        return random.Between(band.From, band.To + 0.999);
    }

    // At least a day before the reference: nobody in the register was born today.
    private static DateOnly BirthFromAge(double ageYears, DateOnly reference) =>
        reference.AddDays(-Math.Max(1, (int)Math.Floor(ageYears * DaysPerYear)));

    private static double AgeYears(DateOnly birth, DateOnly reference) => (reference.DayNumber - birth.DayNumber) / DaysPerYear;

    /// <summary>Completed years of age on a day.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }
}

using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using static Adminduk.Domain.Matching.Synthetic.IndonesianNamePool;

namespace Adminduk.Domain.Matching.Synthetic;

/// <summary>
/// Generates a register of households in a city (KK numbers, NIKs composed by the NIK rules, statuses) and two
/// social-assistance lists drawn from it with planted errors of known kinds and rates, plus hard negatives:
/// different people with the same name and birth date, fathers and sons of the same name in one KK, twins.
/// Deterministic for a seed: only <see cref="Random"/> with that seed and list order decide anything.
/// </summary>
public static class SyntheticPopulation
{
    public const string PerFamilyListId = "PKH";
    public const string PerPersonListId = "PBI";

    /// <summary>The kinds a planted duplicate row carries (exactly one each).</summary>
    public static IReadOnlyList<PlantedError> CopyKinds { get; } =
    [
        PlantedError.NameVariant, PlantedError.Title, PlantedError.Typo, PlantedError.SwappedDayMonth,
        PlantedError.WrongNikDigit, PlantedError.MissingNik, PlantedError.OtherAddress,
    ];

    public static SyntheticDataSet Generate(SyntheticOptions? options = null) => new Generator(options ?? new SyntheticOptions()).Run();

    private sealed class Household
    {
        public required string Kk { get; init; }
        public required string DistrictDigits { get; init; }
        public required string VillageDigits { get; init; }
        public required string Street { get; init; }
        public required int Number { get; init; }
        public required int Rt { get; init; }
        public required Culture Culture { get; init; }
        public string? FamilyName { get; init; }
        public bool Registered { get; init; } = true;
        public List<Person> Members { get; } = [];
    }

    private sealed class Person
    {
        public required string Id { get; init; }
        public required Household Household { get; init; }
        public required string Name { get; set; }
        public required Sex Sex { get; set; }
        public required DateOnly BirthDate { get; set; }
        public required RelationshipToHead Role { get; init; }
        public string Nik { get; set; } = "";
        public ResidentStatus Status { get; set; } = ResidentStatus.Alive;
        public bool HardNegative { get; set; }

        public int Age(DateOnly today) => today.Year - BirthDate.Year - (today.DayOfYear < BirthDate.DayOfYear ? 1 : 0);
    }

    private sealed class PendingRow
    {
        public required string ListId { get; init; }
        public required Person Person { get; init; }
        public required SyntheticRowRole Role { get; init; }
        public required PlantedError Errors { get; init; }
        public PendingRow? Original { get; init; }
        public PersonRecord? Record { get; set; }
        public string Id { get; set; } = "";
    }

    private sealed class Generator(SyntheticOptions options)
    {
        private readonly Random rng = new(options.Seed);
        private readonly DateOnly today = options.Today;
        private readonly List<(string District, string Village)> villages = VillagesOf(options.RegencyCodes);
        private readonly List<(string District, string Village)> outsiderVillages = VillagesOf([options.OutsiderRegencyCode]);
        private readonly Dictionary<string, int> nikSerials = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> kkSerials = new(StringComparer.Ordinal);
        private readonly List<Household> households = [];
        private readonly List<HardNegativePair> hardNegatives = [];
        private readonly List<PlantedError> owedKinds = [];
        private int nextPerson = 1;
        private int nextOutsider = 1;

        public SyntheticDataSet Run()
        {
            for (var h = 0; h < options.Households; h++)
            {
                households.Add(NewHousehold(villages, registered: true));
            }

            PlantFathersAndSons();
            PlantTwins();
            PlantSameNameAndBirthDate();
            foreach (var household in households)
            {
                foreach (var person in household.Members)
                {
                    person.Nik = NewNik(household.DistrictDigits, person.BirthDate, person.Sex);
                }
            }

            AssignStatuses();
            var register = households
                .SelectMany(h => h.Members)
                .Select(p => new RegisterEntry(RegisterRecord(p), p.Status))
                .ToList();

            var (rows, outsiders) = BuildLists();
            var lists = new List<AidList> { new(PerFamilyListId, PaidPerFamily: true), new(PerPersonListId, PaidPerFamily: false) };
            var synthetic = rows
                .Select(r => new SyntheticRow(
                    new ListRow(r.ListId, r.Record!),
                    r.Person.Id,
                    r.Person.Household.Registered,
                    r.Role,
                    r.Errors,
                    r.Original?.Id))
                .ToList();
            return new SyntheticDataSet(options, register, lists, synthetic, hardNegatives, outsiders);
        }

        private static List<(string District, string Village)> VillagesOf(IEnumerable<string> regencyCodes)
        {
            var catalog = RegionCatalog.Default;
            var result = new List<(string, string)>();
            foreach (var regency in regencyCodes)
            {
                foreach (var district in catalog.ChildrenOf(regency))
                {
                    foreach (var village in catalog.ChildrenOf(district.Code))
                    {
                        result.Add((district.Digits, village.Digits));
                    }
                }
            }

            if (result.Count == 0)
            {
                throw new ArgumentException($"No villages found under {string.Join(", ", regencyCodes)}.", nameof(regencyCodes));
            }

            return result;
        }

        private Household NewHousehold(List<(string District, string Village)> from, bool registered)
        {
            var (district, village) = from[rng.Next(from.Count)];
            var culture = PickCulture();
            var issued = today.AddDays(-30 - rng.Next(365 * 18));
            var household = new Household
            {
                Kk = NumberComposer.KkNumber(district, issued, NextSerial(kkSerials, district + issued.DayNumber.ToString(CultureInfo.InvariantCulture))),
                DistrictDigits = district,
                VillageDigits = village,
                Street = Streets[rng.Next(Streets.Length)],
                Number = 1 + rng.Next(250),
                Rt = 1 + rng.Next(60),
                Culture = culture,
                FamilyName = culture switch
                {
                    Culture.Batak => Zipf(BatakMarga),
                    Culture.ChineseIndonesian => Zipf(ChineseIndonesianGiven),
                    _ => null,
                },
                Registered = registered,
            };

            var shape = rng.NextDouble();
            var headAge = 22 + (int)(56 * Math.Pow(rng.NextDouble(), 1.3));
            var femaleHead = shape < 0.12;
            var head = AddMember(household, femaleHead ? Sex.Female : Sex.Male, headAge, RelationshipToHead.KepalaKeluarga);
            if (shape < 0.15)
            {
                return household; // one-person household
            }

            if (!femaleHead)
            {
                AddMember(household, Sex.Female, Math.Max(18, headAge - 6 + rng.Next(9)), RelationshipToHead.Istri);
            }

            var children = shape < 0.3 ? 0 : 1 + (int)(4 * Math.Pow(rng.NextDouble(), 1.5));
            var maxChildAge = Math.Min(headAge - 20, 32);
            for (var c = 0; c < children && maxChildAge >= 0; c++)
            {
                AddMember(household, rng.Next(2) == 0 ? Sex.Male : Sex.Female, rng.Next(maxChildAge + 1), RelationshipToHead.Anak);
            }

            if (rng.NextDouble() < 0.1 && head.Age(today) < 65)
            {
                AddMember(household, rng.Next(3) == 0 ? Sex.Male : Sex.Female, Math.Min(97, headAge + 22 + rng.Next(14)), RelationshipToHead.OrangTua);
            }

            return household;
        }

        private Person AddMember(Household household, Sex sex, int age, RelationshipToHead role)
        {
            var person = new Person
            {
                Id = household.Registered
                    ? string.Create(CultureInfo.InvariantCulture, $"P{nextPerson++:000000}")
                    : string.Create(CultureInfo.InvariantCulture, $"X{nextOutsider++:000000}"),
                Household = household,
                Name = NewName(household, sex),
                Sex = sex,
                BirthDate = BirthDate(age),
                Role = role,
            };
            household.Members.Add(person);
            return person;
        }

        private DateOnly BirthDate(int age)
        {
            var date = today.AddYears(-age).AddDays(-rng.Next(365));
            if (age >= 50 && rng.NextDouble() < 0.08)
            {
                // Older people often carry a default date from when no birth record existed.
                var defaults = new[] { (1, 1), (31, 12), (1, 7) };
                var (d, m) = defaults[rng.Next(defaults.Length)];
                date = new DateOnly(date.Year, m, d);
            }

            return date;
        }

        private Culture PickCulture()
        {
            var r = rng.NextDouble();
            return r switch
            {
                < 0.38 => Culture.Javanese,
                < 0.66 => Culture.Muslim,
                < 0.82 => Culture.Banjar,
                < 0.89 => Culture.Batak,
                < 0.96 => Culture.Christian,
                _ => Culture.ChineseIndonesian,
            };
        }

        private string NewName(Household household, Sex sex)
        {
            var female = sex == Sex.Female;
            var tokens = new List<string>();
            switch (household.Culture)
            {
                case Culture.Javanese:
                    AddTokens(tokens, female ? JavaneseFemale : JavaneseMale, rng.NextDouble() < 0.28 ? 1 : rng.NextDouble() < 0.85 ? 2 : 3);
                    break;
                case Culture.Muslim:
                    var prefix = rng.NextDouble();
                    if (female)
                    {
                        if (prefix < 0.3)
                        {
                            tokens.Add("Siti");
                        }
                        else if (prefix < 0.4)
                        {
                            tokens.Add("Nur");
                        }
                    }
                    else if (prefix < 0.35)
                    {
                        tokens.Add("Muhammad");
                    }
                    else if (prefix < 0.47)
                    {
                        tokens.Add("Ahmad");
                    }
                    else if (prefix < 0.55)
                    {
                        tokens.Add("Abdul");
                        tokens.Add(Zipf(AfterAbdul));
                    }

                    AddTokens(tokens, female ? MuslimFemale : MuslimMale, rng.NextDouble() < 0.6 ? 1 : 2);
                    if (rng.NextDouble() < 0.25)
                    {
                        AddTokens(tokens, female ? JavaneseFemale : JavaneseMale, 1);
                    }

                    break;
                case Culture.Banjar:
                    if (!female && rng.NextDouble() < 0.4)
                    {
                        tokens.Add(rng.NextDouble() < 0.6 ? "Muhammad" : "Akhmad");
                    }

                    AddTokens(tokens, female ? BanjarFemale : BanjarMale, 1);
                    if (rng.NextDouble() < 0.5)
                    {
                        AddTokens(tokens, female ? MuslimFemale : MuslimMale, 1);
                    }

                    break;
                case Culture.Batak:
                    AddTokens(tokens, female ? BatakFemale : BatakMale, rng.NextDouble() < 0.7 ? 1 : 2);
                    tokens.Add(household.FamilyName!);
                    break;
                case Culture.Christian:
                    AddTokens(tokens, female ? ChristianFemale : ChristianMale, 1);
                    AddTokens(tokens, female ? JavaneseFemale : JavaneseMale, rng.NextDouble() < 0.8 ? 1 : 0);
                    break;
                default:
                    AddTokens(tokens, female ? ChineseIndonesianFirstFemale : ChineseIndonesianFirstMale, 1);
                    tokens.Add(household.FamilyName!);
                    break;
            }

            return string.Join(' ', tokens);
        }

        private void AddTokens(List<string> tokens, string[] pool, int count)
        {
            for (var i = 0; i < count; i++)
            {
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    var token = Zipf(pool);
                    if (!tokens.Contains(token, StringComparer.Ordinal))
                    {
                        tokens.Add(token);
                        break;
                    }
                }
            }
        }

        /// <summary>Earlier entries more often: common names are common.</summary>
        private string Zipf(string[] pool) => pool[(int)(pool.Length * Math.Pow(rng.NextDouble(), 1.7))];

        private void PlantFathersAndSons()
        {
            var planted = 0;
            foreach (var household in Shuffled(households))
            {
                if (planted == options.HardNegativePairsPerKind)
                {
                    break;
                }

                var father = household.Members[0];
                var son = household.Members.FirstOrDefault(m => m.Role == RelationshipToHead.Anak && m.Sex == Sex.Male && !m.HardNegative);
                if (father.Sex != Sex.Male || father.HardNegative || son is null)
                {
                    continue;
                }

                son.Name = father.Name;
                father.HardNegative = son.HardNegative = true;
                hardNegatives.Add(new HardNegativePair(father.Id, son.Id, HardNegativeKind.FatherAndSonSameName));
                planted++;
            }
        }

        private void PlantTwins()
        {
            var planted = 0;
            foreach (var household in Shuffled(households))
            {
                if (planted == options.HardNegativePairsPerKind)
                {
                    break;
                }

                var child = household.Members.FirstOrDefault(m => m.Role == RelationshipToHead.Anak && !m.HardNegative && m.Age(today) <= 40);
                if (child is null)
                {
                    continue;
                }

                var twin = new Person
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"P{nextPerson++:000000}"),
                    Household = household,
                    Name = "",
                    Sex = child.Sex,
                    BirthDate = child.BirthDate,
                    Role = RelationshipToHead.Anak,
                };
                if (rng.NextDouble() < 0.7)
                {
                    // Names one letter or one syllable apart, the hard case.
                    var pair = TwinNames[rng.Next(TwinNames.Length)];
                    var shared = pair.FirstFemale == pair.SecondFemale && rng.NextDouble() < 0.6
                        ? Zipf(pair.FirstFemale ? JavaneseFemale : JavaneseMale)
                        : null;
                    var rest = household.FamilyName ?? shared;
                    child.Sex = pair.FirstFemale ? Sex.Female : Sex.Male;
                    twin.Sex = pair.SecondFemale ? Sex.Female : Sex.Male;
                    child.Name = rest is null ? pair.First : $"{pair.First} {rest}";
                    twin.Name = rest is null ? pair.Second : $"{pair.Second} {rest}";
                }
                else
                {
                    twin.Name = NewName(household, twin.Sex);
                }

                household.Members.Insert(household.Members.IndexOf(child) + 1, twin);
                child.HardNegative = twin.HardNegative = true;
                hardNegatives.Add(new HardNegativePair(child.Id, twin.Id, HardNegativeKind.Twins));
                planted++;
            }
        }

        private void PlantSameNameAndBirthDate()
        {
            var adults = Shuffled(households.SelectMany(h => h.Members).Where(p => !p.HardNegative && p.Age(today) is >= 18 and <= 70).ToList());
            var planted = 0;
            for (var i = 0; i < adults.Count && planted < options.HardNegativePairsPerKind; i++)
            {
                var a = adults[i];
                if (a.HardNegative)
                {
                    continue;
                }

                for (var j = i + 1; j < Math.Min(adults.Count, i + 60); j++)
                {
                    var b = adults[j];
                    if (b.HardNegative || b.Household == a.Household || b.Sex != a.Sex || Math.Abs(b.Age(today) - a.Age(today)) > 10)
                    {
                        continue;
                    }

                    b.Name = a.Name;
                    b.BirthDate = a.BirthDate;
                    a.HardNegative = b.HardNegative = true;
                    hardNegatives.Add(new HardNegativePair(a.Id, b.Id, HardNegativeKind.SameNameAndBirthDate));
                    planted++;
                    break;
                }
            }
        }

        private void AssignStatuses()
        {
            foreach (var person in households.SelectMany(h => h.Members))
            {
                if (person.HardNegative)
                {
                    continue;
                }

                var r = rng.NextDouble();
                // Deaths weigh towards the old; the rate over everyone stays as configured.
                var deathRate = options.DeceasedRate * (person.Age(today) >= 60 ? 4 : 0.6);
                person.Status = r < deathRate ? ResidentStatus.Deceased
                    : r < deathRate + options.MovedOutRate ? ResidentStatus.MovedOut
                    : ResidentStatus.Alive;
            }
        }

        private string NewNik(string district, DateOnly birthDate, Sex sex)
        {
            var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
            var key = string.Create(CultureInfo.InvariantCulture, $"{district}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}");
            return NumberComposer.Nik(district, birthDate, sex, NextSerial(nikSerials, key));
        }

        private static int NextSerial(Dictionary<string, int> serials, string key)
        {
            serials.TryGetValue(key, out var last);
            serials[key] = last + 1;
            return last + 1;
        }

        private (List<PendingRow> Rows, int Outsiders) BuildLists()
        {
            var originals = new List<PendingRow>();
            var listed = new HashSet<Person>();
            foreach (var household in Shuffled(households))
            {
                if (rng.NextDouble() >= options.PerFamilyListShare)
                {
                    continue;
                }

                var recipient = household.Members.FirstOrDefault(m => m.Role == RelationshipToHead.Istri) ?? household.Members[0];
                originals.Add(Original(PerFamilyListId, recipient, SyntheticRowRole.Original));
                listed.Add(recipient);
                var others = household.Members.Where(m => m != recipient && !m.HardNegative).ToList();
                if (others.Count > 0 && rng.NextDouble() < options.ExtraHouseholdMemberRate)
                {
                    var extra = others[rng.Next(others.Count)];
                    originals.Add(Original(PerFamilyListId, extra, SyntheticRowRole.ExtraHouseholdMember));
                    listed.Add(extra);
                }
            }

            foreach (var person in Shuffled(households.SelectMany(h => h.Members).ToList()))
            {
                if (!listed.Contains(person) && (person.HardNegative || rng.NextDouble() < options.PerPersonListShare))
                {
                    originals.Add(Original(PerPersonListId, person, SyntheticRowRole.Original));
                    listed.Add(person);
                }
            }

            var outsiderCount = (int)Math.Round(listed.Count * options.OutsiderShare);
            for (var i = 0; i < outsiderCount; i++)
            {
                var household = NewHousehold(outsiderVillages, registered: false);
                var person = household.Members[0];
                // A third hold a NIK of this city that the register does not know (never registered, or mistaken).
                person.Nik = i % 3 == 0
                    ? NumberComposer.Nik(villages[rng.Next(villages.Count)].District, person.BirthDate, person.Sex, 7000 + rng.Next(2999))
                    : NewNik(household.DistrictDigits, person.BirthDate, person.Sex);
                originals.Add(Original(PerPersonListId, person, SyntheticRowRole.Original));
            }

            var rows = new List<PendingRow>(originals);
            foreach (var original in originals)
            {
                if (rng.NextDouble() >= options.DuplicateRate)
                {
                    continue;
                }

                var first = CopyKind(original.Person, PlantedError.None);
                rows.Add(Copy(original, first));
                if (rng.NextDouble() < options.SecondCopyRate)
                {
                    rows.Add(Copy(original, CopyKind(original.Person, first)));
                }
            }

            foreach (var row in rows)
            {
                row.Record = Write(row);
            }

            // Rows in random order within each list, numbered as a list export would be.
            var ordered = new List<PendingRow>();
            foreach (var listId in new[] { PerFamilyListId, PerPersonListId })
            {
                var inList = Shuffled(rows.Where(r => r.ListId == listId).ToList());
                for (var i = 0; i < inList.Count; i++)
                {
                    inList[i].Id = string.Create(CultureInfo.InvariantCulture, $"{listId}-{i + 1:00000}");
                    inList[i].Record = inList[i].Record! with { Id = inList[i].Id };
                }

                ordered.AddRange(inList);
            }

            return (ordered, outsiderCount);
        }

        private PendingRow Original(string listId, Person person, SyntheticRowRole role)
        {
            var errors = PlantedError.None;
            if (rng.NextDouble() < options.BaseNameTypoRate)
            {
                errors |= PlantedError.Typo;
            }

            if (rng.NextDouble() < options.BaseBirthDateTypoRate)
            {
                errors |= PlantedError.BirthDateTypo;
            }

            var nik = rng.NextDouble();
            if (nik < options.BaseMalformedNikRate)
            {
                errors |= PlantedError.MalformedNik;
            }
            else if (nik < options.BaseMalformedNikRate + options.BaseMissingNikRate)
            {
                errors |= PlantedError.MissingNik;
            }

            return new PendingRow { ListId = listId, Person = person, Role = role, Errors = errors };
        }

        /// <summary>
        /// A kind drawn uniformly; a kind the person cannot carry (a day above 12 cannot be swapped with the month) is
        /// owed and given to the next person who can, so every kind keeps its share.
        /// </summary>
        private PlantedError CopyKind(Person person, PlantedError not)
        {
            var owed = owedKinds.FirstOrDefault(k => k != not && CanCarry(person, k));
            if (owed != PlantedError.None)
            {
                owedKinds.Remove(owed);
                return owed;
            }

            while (true)
            {
                var kind = CopyKinds[rng.Next(CopyKinds.Count)];
                if (kind == not)
                {
                    continue;
                }

                if (!CanCarry(person, kind))
                {
                    owedKinds.Add(kind);
                    continue;
                }

                return kind;
            }
        }

        private static bool CanCarry(Person person, PlantedError kind) => kind switch
        {
            PlantedError.SwappedDayMonth => PlantedVariants.SwapDayMonth(person.BirthDate) is not null,
            PlantedError.NameVariant => PlantedVariants.NameVariant(person.Name, new Random(0)) is not null,
            _ => true,
        };

        private PendingRow Copy(PendingRow original, PlantedError kind)
        {
            var otherList = original.ListId == PerFamilyListId ? PerPersonListId : PerFamilyListId;
            var listId = rng.NextDouble() < 0.5 ? original.ListId : otherList;
            return new PendingRow { ListId = listId, Person = original.Person, Role = SyntheticRowRole.Copy, Errors = kind, Original = original };
        }

        private PersonRecord Write(PendingRow row)
        {
            var p = row.Person;
            var errors = row.Errors;
            var name = p.Name;
            if (errors.HasFlag(PlantedError.NameVariant))
            {
                name = PlantedVariants.NameVariant(name, rng)!;
            }

            if (errors.HasFlag(PlantedError.Typo))
            {
                name = PlantedVariants.Typo(name, rng);
            }

            if (errors.HasFlag(PlantedError.Title))
            {
                name = PlantedVariants.WithTitles(name, p.Sex == Sex.Female, rng);
            }

            string? nik = p.Nik;
            if (errors.HasFlag(PlantedError.MissingNik))
            {
                nik = rng.Next(3) switch { 0 => null, 1 => "", _ => "-" };
            }
            else if (errors.HasFlag(PlantedError.WrongNikDigit))
            {
                nik = PlantedVariants.WrongDigit(nik, rng);
            }
            else if (errors.HasFlag(PlantedError.MalformedNik))
            {
                nik = PlantedVariants.Malformed(nik, rng);
            }

            var birth = p.BirthDate;
            if (errors.HasFlag(PlantedError.SwappedDayMonth))
            {
                birth = PlantedVariants.SwapDayMonth(birth)!.Value;
            }
            else if (errors.HasFlag(PlantedError.BirthDateTypo))
            {
                birth = PlantedVariants.DateTypo(birth, rng);
            }

            var household = p.Household;
            var (street, number, rt, village) = (household.Street, household.Number, household.Rt, household.VillageDigits);
            if (errors.HasFlag(PlantedError.OtherAddress))
            {
                var elsewhere = villages.Where(v => v.Village != village).ToList();
                village = elsewhere[rng.Next(elsewhere.Count)].Village;
                street = Streets.Where(s => s != street).ElementAt(rng.Next(Streets.Length - 1));
                number = 1 + rng.Next(250);
                rt = 1 + rng.Next(60);
            }

            var perFamily = row.ListId == PerFamilyListId;
            return new PersonRecord("")
            {
                Name = PlantedVariants.Case(name, rng),
                Nik = nik,
                KkNumber = rng.NextDouble() < (perFamily ? 0.95 : 0.4) ? household.Kk : null,
                BirthDate = birth,
                Sex = rng.NextDouble() < 0.85 ? p.Sex : null,
                Address = PlantedVariants.AddressFormat(street, number, rt, rng),
                RegionCode = village,
            };
        }

        private static PersonRecord RegisterRecord(Person p) => new(p.Id)
        {
            Name = p.Name.ToUpperInvariant(),
            Nik = p.Nik,
            KkNumber = p.Household.Kk,
            BirthDate = p.BirthDate,
            Sex = p.Sex,
            Address = string.Create(CultureInfo.InvariantCulture, $"JL. {p.Household.Street.ToUpperInvariant()} NO. {p.Household.Number} RT {p.Household.Rt:000}"),
            RegionCode = p.Household.VillageDigits,
        };

        private List<T> Shuffled<T>(IReadOnlyList<T> items)
        {
            var copy = items.ToList();
            for (var i = copy.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            return copy;
        }
    }
}

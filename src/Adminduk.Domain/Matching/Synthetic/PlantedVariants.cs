using System.Globalization;
using System.Text;

namespace Adminduk.Domain.Matching.Synthetic;

/// <summary>
/// The errors the generator plants, written from how names, dates and numbers are really mistyped or re-spelled on
/// Indonesian lists. Kept apart from the matcher's folding on purpose: the test set must not be built from the
/// rules it measures.
/// </summary>
public static class PlantedVariants
{
    /// <summary>Spellings seen on lists for a name in today's spelling (abbreviations, Arabic and Dutch-era forms).</summary>
    private static readonly Dictionary<string, string[]> KnownVariants = new(StringComparer.Ordinal)
    {
        ["Muhammad"] = ["Muhamad", "Mohammad", "Mohamad", "Moh.", "M.", "Mochammad", "Mhd.", "Muh.", "Mohd.", "Mochamad", "Muhammed"],
        ["Ahmad"] = ["Achmad", "Akhmad", "Ahmat", "Achmat"],
        ["Akhmad"] = ["Ahmad", "Achmad"],
        ["Nur"] = ["Noor", "Nurul", "Nour"],
        ["Nurul"] = ["Nur", "Noorul"],
        ["Abdul"] = ["Abd.", "Abdoel", "Abd"],
        ["Abdullah"] = ["Abdulah", "Abdoellah"],
        ["Siti"] = ["St.", "Sitti", "Sity"],
        ["Khairul"] = ["Chairul", "Hairul", "Choirul", "Khoirul"],
        ["Rahmat"] = ["Rachmat", "Rakhmat", "Rahmad"],
        ["Taufik"] = ["Taufiq", "Taufiek"],
        ["Ramadan"] = ["Ramadhan", "Ramadhani"],
        ["Yusuf"] = ["Jusuf", "Yusup", "Joesoef"],
        ["Soleh"] = ["Sholeh", "Sholih"],
        ["Rizki"] = ["Rizky", "Rezki", "Rizqi", "Riski"],
        ["Fauzi"] = ["Fauzy", "Fauzie"],
        ["Syaiful"] = ["Saiful", "Syaifull", "Saeful"],
        ["Zainal"] = ["Zaenal", "Zainul"],
        ["Mahmud"] = ["Machmud", "Mahmoud", "Mahmudz"],
        ["Hafiz"] = ["Hafidz", "Hafidh"],
        ["Aziz"] = ["Azis", "Asiz"],
        ["Firdaus"] = ["Firdaos", "Firdauz"],
        ["Sofyan"] = ["Sopyan", "Sofian"],
        ["Khoirudin"] = ["Choirudin", "Khoiruddin", "Hoirudin"],
        ["Syamsudin"] = ["Syamsuddin", "Samsudin", "Sjamsoedin"],
        ["Aisyah"] = ["Aisah", "Aisya", "Aisjah", "Aishah"],
        ["Khadijah"] = ["Hadijah", "Chadijah", "Khodijah"],
        ["Fatimah"] = ["Fathimah", "Patimah", "Fatima"],
        ["Nurhayati"] = ["Nur Hayati", "Noorhayati", "Nurhajati"],
        ["Rahmawati"] = ["Rachmawati", "Rahmawaty"],
        ["Syarifah"] = ["Sarifah", "Sjarifah", "Syarifa"],
        ["Yulianti"] = ["Julianti", "Yuliyanti"],
        ["Wahyuni"] = ["Wahjoeni", "Wahyuniy", "Wahjuni"],
        ["Handayani"] = ["Handajani", "Handayany"],
        ["Hidayah"] = ["Hidajah", "Hidayaah"],
        ["Yohanes"] = ["Johannes", "Yohannes", "Johanes"],
        ["Stefanus"] = ["Stephanus", "Stevanus"],
        ["Thomas"] = ["Tomas", "Thomaz"],
        ["Philipus"] = ["Filipus", "Pilipus"],
        ["Yosef"] = ["Josef", "Yoseph", "Joseph"],
        ["Fransiskus"] = ["Fransiscus", "Franciscus"],
        ["Theresia"] = ["Teresia", "Theresa"],
        ["Elisabeth"] = ["Elisabet", "Elizabeth"],
        ["Veronika"] = ["Veronica"],
        ["Jhonson"] = ["Johnson", "Jonson"],
        ["Wijaya"] = ["Widjaja", "Widjaya"],
        ["Widjaja"] = ["Wijaya"],
        ["Tjahjadi"] = ["Cahyadi", "Tjahyadi"],
        ["Sukarno"] = ["Soekarno"],
        ["Suharti"] = ["Soeharti"],
        ["Sutrisno"] = ["Soetrisno"],
        ["Suyono"] = ["Soejono", "Sujono"],
        ["Joko"] = ["Djoko"],
        ["Cahyo"] = ["Tjahjo", "Tjahyo"],
        ["Norhayati"] = ["Nor Hayati", "Noorhayati"],
        ["Noorhadi"] = ["Nurhadi", "Norhadi"],
        ["Fahrianoor"] = ["Fahrianur", "Fahriannor"],
        ["Aspiannor"] = ["Aspianor", "Aspiannur"],
    };

    private const string Vowels = "aeiou";

    private const string Keyboard = "qwertyuiop|asdfghjkl|zxcvbnm";

    /// <summary>Another spelling or arrangement of a name; null when none applies.</summary>
    public static string? NameVariant(string name, Random rng)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var options = new List<Func<string?>>();
        if (tokens.Any(KnownVariants.ContainsKey))
        {
            // Known re-spellings are by far the most frequent variant: weight them up.
            options.Add(() => KnownVariant(tokens, rng));
            options.Add(() => KnownVariant(tokens, rng));
            options.Add(() => KnownVariant(tokens, rng));
        }

        if (tokens.Any(t => OldSpelling(t) != t))
        {
            options.Add(() => OldSpellingVariant(tokens, rng));
            options.Add(() => OldSpellingVariant(tokens, rng));
        }

        if (tokens.Count >= 2)
        {
            options.Add(() => string.Join(' ', tokens.Skip(1).Append(tokens[0])));
            options.Add(() => JoinTwo(tokens, rng));
        }

        if (tokens.Count >= 3)
        {
            options.Add(() => DropOne(tokens, rng));
            options.Add(() => ShortenMiddle(tokens));
        }

        while (options.Count > 0)
        {
            var i = rng.Next(options.Count);
            var variant = options[i]();
            if (variant is not null && variant != name)
            {
                return variant;
            }

            options.RemoveAt(i);
        }

        return null;
    }

    /// <summary>The spelling before 1972 (EYD): u as oe, j as dj, c as tj, y as j, kh as ch.</summary>
    public static string OldSpelling(string token)
    {
        var sb = new StringBuilder(token.Length + 4);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var lower = char.ToLowerInvariant(c);
            var upper = char.IsUpper(c);
            var next = i + 1 < token.Length ? char.ToLowerInvariant(token[i + 1]) : '\0';
            string replacement = lower switch
            {
                'u' => "oe",
                'j' => "dj",
                'c' => "tj",
                'y' => "j",
                'k' when next == 'h' => "c",
                _ => c.ToString(),
            };
            sb.Append(upper && replacement.Length > 0 ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement);
        }

        return sb.ToString();
    }

    /// <summary>One or two typing errors (replace with a neighbouring key, drop, double, swap) in one name token.</summary>
    public static string Typo(string name, Random rng)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Length >= 3).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. Enumerable.Range(0, tokens.Length)];
        }

        var edits = rng.NextDouble() < 0.2 ? 2 : 1;
        for (var e = 0; e < edits; e++)
        {
            var t = candidates[rng.Next(candidates.Count)];
            tokens[t] = OneEdit(tokens[t], rng);
        }

        var result = string.Join(' ', tokens);
        return result == name ? OneEdit(name, rng) : result;
    }

    private static string OneEdit(string token, Random rng)
    {
        if (token.Length < 2)
        {
            return token + (char)('a' + rng.Next(26));
        }

        // The first letter is mistyped less often than the rest.
        var pos = rng.NextDouble() < 0.15 ? 0 : 1 + rng.Next(token.Length - 1);
        var c = token[pos];
        switch (rng.Next(4))
        {
            case 0:
                var replacement = Neighbour(char.ToLowerInvariant(c), rng);
                replacement = char.IsUpper(c) ? char.ToUpperInvariant(replacement) : replacement;
                return replacement == c ? token.Remove(pos, 1) : token[..pos] + replacement + token[(pos + 1)..];
            case 1:
                return token.Length > 3 ? token.Remove(pos, 1) : token.Insert(pos, c.ToString());
            case 2:
                return token.Insert(pos, char.IsUpper(c) ? c.ToString() : Neighbour(c, rng).ToString());
            default:
                if (pos == token.Length - 1)
                {
                    pos--;
                }

                return token[pos] == token[pos + 1]
                    ? token.Remove(pos, 1)
                    : token[..pos] + token[pos + 1] + token[pos] + token[(pos + 2)..];
        }
    }

    private static char Neighbour(char c, Random rng)
    {
        if (Vowels.Contains(c, StringComparison.Ordinal) && rng.NextDouble() < 0.5)
        {
            // Vowel confusions (e/i, o/u) are as common as slips of the finger.
            return Vowels[rng.Next(Vowels.Length)];
        }

        var rows = Keyboard.Split('|');
        foreach (var row in rows)
        {
            var i = row.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                var j = i == 0 ? 1 : i == row.Length - 1 ? i - 1 : i + (rng.Next(2) == 0 ? -1 : 1);
                return row[j];
            }
        }

        return (char)('a' + rng.Next(26));
    }

    /// <summary>Titles before and/or degrees after the name, in one of the ways lists write them.</summary>
    public static string WithTitles(string name, bool female, Random rng)
    {
        var prefixes = IndonesianNamePool.PrefixTitles.Where(t => female ? !t.MaleOnly : !t.FemaleOnly).ToList();
        var mode = rng.Next(3); // 0 prefix, 1 degree, 2 both
        var sb = new StringBuilder();
        if (mode != 1)
        {
            sb.Append(prefixes[rng.Next(prefixes.Count)].Text).Append(' ');
            if (rng.NextDouble() < 0.25)
            {
                // "Drs. H. Ahmad": a religious title after an academic one.
                sb.Append(female ? "Hj. " : "H. ");
            }
        }

        sb.Append(name);
        if (mode != 0)
        {
            var degrees = rng.NextDouble() < 0.3 ? 2 : 1;
            for (var i = 0; i < degrees; i++)
            {
                var degree = IndonesianNamePool.Degrees[rng.Next(IndonesianNamePool.Degrees.Length)];
                sb.Append(rng.NextDouble() < 0.7 ? ", " : " ").Append(degree);
            }
        }

        return sb.ToString();
    }

    /// <summary>One NIK digit replaced by another digit.</summary>
    public static string WrongDigit(string nik, Random rng)
    {
        var pos = rng.Next(nik.Length);
        var digit = (char)('0' + ((nik[pos] - '0' + 1 + rng.Next(9)) % 10));
        return nik[..pos] + digit + nik[(pos + 1)..];
    }

    /// <summary>A NIK that breaks a NIK rule in one of the ways seen on lists.</summary>
    public static string Malformed(string nik, Random rng) => rng.Next(5) switch
    {
        0 => nik.Remove(rng.Next(nik.Length), 1),                   // a digit lost
        1 => nik[..6] + " " + nik[6..12] + " " + nik[12..],         // typed in groups
        2 => nik.Replace('0', 'O'),                                  // letter O for zero
        3 => nik[..6] + "00" + nik[8..],                             // day 00
        _ => "'" + nik[..12] + "0000",                               // spreadsheet: text quote and serial 0000
    } is var bad && bad != nik ? bad : nik[..15];

    /// <summary>The birth date with day and month swapped; null when that is the same or no date.</summary>
    public static DateOnly? SwapDayMonth(DateOnly date) =>
        date.Day <= 12 && date.Day != date.Month ? new DateOnly(date.Year, date.Day, date.Month) : null;

    /// <summary>A birth date a few days or one year off.</summary>
    public static DateOnly DateTypo(DateOnly date, Random rng) => rng.Next(3) switch
    {
        0 => date.AddDays(rng.Next(2) == 0 ? -(1 + rng.Next(3)) : 1 + rng.Next(3)),
        1 => date.AddYears(rng.Next(2) == 0 ? -1 : 1),
        _ => date.AddDays(rng.Next(2) == 0 ? -10 : 10),
    };

    /// <summary>The way the list writes a name: mostly upper case as printed on KK and KTP, some title case.</summary>
    public static string Case(string name, Random rng)
    {
        var roll = rng.NextDouble();
        var cased = roll < 0.55 ? name.ToUpperInvariant()
            : roll < 0.92 ? name
            : name.ToLowerInvariant();
        return rng.NextDouble() < 0.05 ? cased.Replace(" ", "  ", StringComparison.Ordinal) + " " : cased;
    }

    /// <summary>The register address written another way: abbreviations, case, zero padding.</summary>
    public static string AddressFormat(string street, int number, int rt, Random rng) => rng.Next(5) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"Jl. {street} No. {number} RT {rt:000}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"JL. {street.ToUpperInvariant()} NO.{number} RT.{rt:00}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"Jalan {street} No {number} Rt {rt}"),
        3 => string.Create(CultureInfo.InvariantCulture, $"{street} {number}, RT {rt:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"JL {street.ToUpperInvariant()} {number} RT {rt:000}"),
    };

    private static string? KnownVariant(List<string> tokens, Random rng)
    {
        var known = Enumerable.Range(0, tokens.Count).Where(i => KnownVariants.ContainsKey(tokens[i])).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var t = known[rng.Next(known.Count)];
        var variants = KnownVariants[tokens[t]];
        var copy = tokens.ToList();
        copy[t] = variants[rng.Next(variants.Length)];
        return string.Join(' ', copy);
    }

    private static string? OldSpellingVariant(List<string> tokens, Random rng)
    {
        var changeable = Enumerable.Range(0, tokens.Count).Where(i => OldSpelling(tokens[i]) != tokens[i]).ToList();
        if (changeable.Count == 0)
        {
            return null;
        }

        var copy = tokens.ToList();
        var t = changeable[rng.Next(changeable.Count)];
        copy[t] = OldSpelling(copy[t]);
        return string.Join(' ', copy);
    }

    private static string JoinTwo(List<string> tokens, Random rng)
    {
        var i = rng.Next(tokens.Count - 1);
        var copy = tokens.ToList();
        copy[i] += copy[i + 1].ToLowerInvariant();
        copy.RemoveAt(i + 1);
        return string.Join(' ', copy);
    }

    private static string DropOne(List<string> tokens, Random rng)
    {
        var copy = tokens.ToList();
        copy.RemoveAt(rng.Next(copy.Count));
        return string.Join(' ', copy);
    }

    private static string ShortenMiddle(List<string> tokens)
    {
        var copy = tokens.ToList();
        copy[1] = copy[1][..1] + ".";
        return string.Join(' ', copy);
    }
}

using System.Globalization;
using System.Text;

namespace Adminduk.Domain.Matching;

/// <summary>
/// Folds an Indonesian name so that ways of writing the same name compare equal.
/// <list type="number">
/// <item>Case, accents, punctuation and spacing: "SITI  AMINAH", "Siti-Aminah" and "siti aminah" are one name; an
/// apostrophe joins ("Ma'ruf" = "Maruf"); a dot separates ("H.Ahmad" = "H. Ahmad").</item>
/// <item>Titles and degrees: religious and academic titles and forms of address are removed from the start
/// (H., Hj., KH., Drs., Dra., Dr., dr., Ir., Prof., Ny., Bpk., Alm.), degrees from the end or after a comma
/// (S.Pd., S.E., S.H., S.Kom., M.Si., M.M., Amd., Sp.A, ...), with or without dots, commas or the space inside
/// ("S. Pd."). "bin"/"binti" are dropped, the father's name after them kept. A lone "H" at the end is read as an
/// initial, not as Haji, unless a comma sets it apart. If only titles remain, nothing is removed.</item>
/// <item>Spelling, per token, in this order: old Dutch-era spellings oe→u, dj→j, tj→c; then j→y for all
/// (the old j is today's y, so "Jusuf" = "Yusuf"; the price is that j and y never differ); sy→s, ch→h, kh→h, gh→g,
/// dh→d, dz→z, th→t, ph→f, q→k (Khairul = Chairul = Hairul, Ramadhan = Ramadan, Taufiq = Taufik, Syaiful = Saiful);
/// a final -ie or -y as -i, a final -d as -t (Rizky = Rizki, Ahmad = Ahmat); doubled letters single
/// (Muhammad = Muhamad, Abdullah = Abdulah). "Chandra" becomes "handra" and no longer equals "Candra": accepted,
/// the similarity measure still finds them one letter apart.</item>
/// <item>Known forms: Muhammad / Muhamad / Mohammad / Mohamad / Mochammad / Moh. / Muh. / Mhd. / Mohd. and a leading
/// "M." before another name → one token; a leading "St." before another name → Siti; Nur / Noor / Nour / Nurul / Nor
/// → nur (also at the start of a compound: Noorhayati = Nurhayati); Abdul / Abd. / Abdu → abdul, and compounds split
/// (Abdurrahman = Abdul Rahman, Abdulaziz = Abdul Aziz; Abdullah stays one name).</item>
/// </list>
/// Name order and single names are left to the comparison, which works on the token set.
/// </summary>
public static class NameFolding
{
    /// <summary>Titles and forms of address written before a name (compact form: lower case, no dots).</summary>
    private static readonly HashSet<string> PrefixTitles = new(StringComparer.Ordinal)
    {
        "h", "hj", "haji", "hajah", "hajjah", "kh", "drs", "dra", "dr", "ir", "prof", "profdr", "drh", "drg",
        "ust", "ustadz", "ustad", "ustadzah", "ny", "nn", "tn", "bpk", "bapak", "ibu", "sdr", "sdri", "alm", "almh",
        "almarhum", "almarhumah", "raden", "rr",
    };

    /// <summary>Academic degrees written after a name (compact form).</summary>
    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal)
    {
        "spd", "spdi", "spdsd", "se", "sei", "sh", "shi", "skom", "ssi", "msi", "mm", "mpd", "mpdi", "mag", "mhum",
        "mkes", "mkom", "mh", "mt", "msc", "mba", "mei", "phd", "amd", "amdkeb", "amdkep", "amdkes", "amdak",
        "ama", "amapd", "amk", "amkeb", "amkep", "spa", "sppd", "spog", "spb", "sps", "spm", "spkk", "sptht", "sprad",
        "sag", "st", "ssos", "skep", "sip", "sikom", "sfarm", "spsi", "skm", "ss", "sp", "sked", "sthi", "stp", "sth",
        "ssn", "sn", "sgz", "sak", "mak", "msn", "mkn", "mp", "mtp", "mfarm", "apt", "ners", "bsc", "llm", "mpsi",
        "drs", "dra", "dr", "ir", "hj",
    };

    /// <summary>Words that are not part of the person's own name.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "bin", "binti", "bt", "bte", "bint" };

    /// <summary>Every way lists write Muhammad, after the spelling folds.</summary>
    private static readonly HashSet<string> MuhammadForms = new(
        new[]
        {
            "muhammad", "muhamad", "mohammad", "mohamad", "mochammad", "mochamad", "muchammad", "muchamad", "mukhammad",
            "mukhamad", "mokhammad", "mokhamad", "muhammed", "mohammed", "mohamed", "muhamed", "mhammad", "moh", "muh",
            "mhd", "mohd", "muhd", "mhmd", "moch", "much", "mokh", "mukh", "mochd",
        }.Select(Spelling),
        StringComparer.Ordinal);

    private static readonly HashSet<string> NurForms = new(
        new[] { "nur", "noor", "nour", "noer", "nurul", "noorul", "noerul", "nor" }.Select(Spelling),
        StringComparer.Ordinal);

    /// <summary>The canonical token for all Muhammad forms.</summary>
    public const string Muhammad = "muhamat";

    public static FoldedName Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return FoldedName.Empty;
        }

        var segments = Ascii(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var words = new List<Word>();
        for (var s = 0; s < segments.Length; s++)
        {
            foreach (var word in Words(segments[s]))
            {
                words.Add(word with { AfterComma = s > 0 });
            }
        }

        var kept = WithoutTitles(words);
        var tokens = new List<string>(kept.Count + 1);
        for (var i = 0; i < kept.Count; i++)
        {
            var leadingInitial = i == 0 && kept.Count > 1;
            FoldToken(kept[i].Text, leadingInitial, tokens);
        }

        return tokens.Count == 0 ? FoldedName.Empty : new FoldedName([.. tokens]);
    }

    /// <summary>
    /// Spelling folds of one lower-case token (see the class remarks); known forms are mapped and Abdul-compounds split.
    /// </summary>
    internal static void FoldToken(string token, bool leadingBeforeAnother, List<string> into)
    {
        if (token.Length == 0 || StopWords.Contains(token))
        {
            return;
        }

        if (leadingBeforeAnother && token == "m")
        {
            into.Add(Muhammad);
            return;
        }

        if (leadingBeforeAnother && token == "st")
        {
            into.Add("siti");
            return;
        }

        var folded = Spelling(token);
        if (MuhammadForms.Contains(folded))
        {
            into.Add(Muhammad);
            return;
        }

        if (NurForms.Contains(folded))
        {
            into.Add("nur");
            return;
        }

        if (folded.StartsWith("nor", StringComparison.Ordinal) && folded.Length > 4)
        {
            folded = string.Concat("nur", folded.AsSpan(3));
        }

        if (folded is "abt" or "abdu" or "abdul" or "abdl")
        {
            into.Add("abdul");
            return;
        }

        // Abdul + name written as one word; the l assimilates before sun letters (Abdurrahman, Abdussalam).
        if (folded.StartsWith("abdul", StringComparison.Ordinal) && folded.Length > 6 && folded != "abdulah")
        {
            into.Add("abdul");
            into.Add(folded[5..]);
            return;
        }

        if (folded.Length > 6 && folded.StartsWith("abdu", StringComparison.Ordinal) && "rsntzd".Contains(folded[4], StringComparison.Ordinal))
        {
            into.Add("abdul");
            into.Add(folded[4..]);
            return;
        }

        into.Add(folded);
    }

    /// <summary>The letter-level spelling folds of one lower-case ASCII token.</summary>
    internal static string Spelling(string token)
    {
        var s = token;
        s = s.Replace("oe", "u", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("tj", "c", StringComparison.Ordinal)
            .Replace('j', 'y')
            .Replace("sy", "s", StringComparison.Ordinal)
            .Replace("ch", "h", StringComparison.Ordinal)
            .Replace("kh", "h", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal)
            .Replace("dz", "z", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace('q', 'k');
        if (s.Length > 3 && s.EndsWith("ie", StringComparison.Ordinal))
        {
            s = s[..^2] + "i";
        }

        if (s.Length > 2 && s[^1] == 'y')
        {
            s = s[..^1] + "i";
        }

        if (s.Length > 2 && s[^1] == 'd')
        {
            s = s[..^1] + "t";
        }

        return Undouble(s);
    }

    private static string Undouble(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }

        return sb.Length == s.Length ? s : sb.ToString();
    }

    private readonly record struct Word(string Text, bool AfterComma);

    /// <summary>Lower-case ASCII letters, digits dropped, everything else a separator except dots, commas and apostrophes.</summary>
    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or '.' or ',')
            {
                sb.Append(lower);
            }
            else if (lower is '\'' or '`' or '\u2019' or '\u2018')
            {
                continue;
            }
            else if (!char.IsAsciiDigit(lower))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Words of one comma-separated segment. A whitespace token that is a title as a whole ("s.pd.", "a.md.keb")
    /// stays one word; otherwise dots split it ("h.ahmad" → "h", "ahmad").
    /// </summary>
    private static IEnumerable<Word> Words(string segment)
    {
        foreach (var raw in segment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var compact = raw.Replace(".", "", StringComparison.Ordinal);
            if (compact.Length == 0)
            {
                continue;
            }

            if (Degrees.Contains(compact) || PrefixTitles.Contains(compact))
            {
                yield return new Word(compact, false);
                continue;
            }

            foreach (var piece in raw.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new Word(piece, false);
            }
        }
    }

    private static List<Word> WithoutTitles(List<Word> words)
    {
        var start = 0;
        while (start < words.Count && PrefixTitles.Contains(words[start].Text))
        {
            start++;
        }

        var end = words.Count;
        var changed = true;
        while (changed && end > start)
        {
            changed = false;
            // Degrees may be spread over up to three words ("S. Pd. I"); the longest match wins.
            for (var k = Math.Min(3, end - start); k >= 1; k--)
            {
                var compact = string.Concat(words.Skip(end - k).Take(k).Select(w => w.Text));
                var lastIsLoneH = k == 1 && compact == "h" && !words[end - 1].AfterComma;
                if (!lastIsLoneH && (Degrees.Contains(compact) || (words[end - 1].AfterComma && PrefixTitles.Contains(compact))))
                {
                    end -= k;
                    changed = true;
                    break;
                }
            }
        }

        // After a comma come degrees and titles ("Aminah, Hj.") or, in surname-first lists, given names: keep those.
        var kept = new List<Word>(end - start);
        for (var i = start; i < end; i++)
        {
            var w = words[i];
            if (w.AfterComma && (Degrees.Contains(w.Text) || PrefixTitles.Contains(w.Text)))
            {
                continue;
            }

            kept.Add(w);
        }

        return kept.Count > 0 ? kept : words;
    }
}

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Hides the middle of a phone number or e-mail address where the full one is not needed.</summary>
public static class ContactMask
{
    /// <example>+6281234567890 -> +62812*****890; warga@example.id -> w****@example.id</example>
    public static string Mask(string recipient)
    {
        var at = recipient.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return at <= 1 ? "*" + recipient[at..] : recipient[0] + new string('*', at - 1) + recipient[at..];
        }

        var (head, tail) = recipient.Length >= 10 ? (6, 3) : (3, 2);
        return recipient.Length <= head + tail
            ? new string('*', recipient.Length)
            : recipient[..head] + new string('*', recipient.Length - head - tail) + recipient[^tail..];
    }
}

namespace Adminduk.Domain.Applications;

public enum AttachmentKind
{
    Jpeg = 1,
    Png = 2,
    Pdf = 3,
}

/// <summary>Attachments are judged by their content (magic bytes), never by the name or the declared type.</summary>
public static class AttachmentRules
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const long MaxApplicationBytes = 10 * 1024 * 1024;

    /// <summary>The number of leading bytes <see cref="Detect"/> needs.</summary>
    public const int SniffLength = 8;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    public static AttachmentKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return AttachmentKind.Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return AttachmentKind.Png;
        }

        return head.StartsWith(PdfSignature) ? AttachmentKind.Pdf : null;
    }

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Jpeg => ".jpg",
        AttachmentKind.Png => ".png",
        AttachmentKind.Pdf => ".pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

using Adminduk.Domain.Applications;

namespace Adminduk.Domain.Tests.Applications;

public class AttachmentRulesTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, AttachmentKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, AttachmentKind.Png)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, AttachmentKind.Pdf)]
    public void Detects_by_content(byte[] head, AttachmentKind kind) => AttachmentRules.Detect(head).ShouldBe(kind);

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A })]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // a Windows executable renamed to .jpg
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })] // GIF is not accepted
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 })] // SVG may carry script
    public void Anything_else_is_refused(byte[] head) => AttachmentRules.Detect(head).ShouldBeNull();

    [Theory]
    [InlineData(AttachmentKind.Jpeg, "image/jpeg", ".jpg")]
    [InlineData(AttachmentKind.Png, "image/png", ".png")]
    [InlineData(AttachmentKind.Pdf, "application/pdf", ".pdf")]
    public void Content_type_and_extension_follow_the_detected_kind(AttachmentKind kind, string type, string ext)
    {
        AttachmentRules.ContentType(kind).ShouldBe(type);
        AttachmentRules.Extension(kind).ShouldBe(ext);
    }
}

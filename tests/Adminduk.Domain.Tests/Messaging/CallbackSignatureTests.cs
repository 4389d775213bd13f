using System.Text;
using Adminduk.Domain.Messaging;

namespace Adminduk.Domain.Tests.Messaging;

public class CallbackSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("courier-shared-secret");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"trackingId":"GS-1","status":"delivered"}""");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static string Ts(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_fresh_correct_signature_is_valid()
    {
        var signature = CallbackSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        signature.Length.ShouldBe(64);
        CallbackSignature.Verify(Secret, Ts(Now), signature, Body, Now.AddSeconds(30)).ShouldBe(SignatureCheck.Valid);
    }

    [Fact]
    public void Known_vector()
    {
        // openssl: printf '0.The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key
        CallbackSignature.Sign("key"u8.ToArray(), 0, "The quick brown fox jumps over the lazy dog"u8)
            .ShouldBe("8511f28f7a1949f0c42772b447d68b2daf760f5f0439a20a17e3b4e7cd395763");
    }

    [Fact]
    public void A_changed_body_or_secret_is_refused()
    {
        var signature = CallbackSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var tampered = Encoding.UTF8.GetBytes("""{"trackingId":"GS-1","status":"failed"}""");
        CallbackSignature.Verify(Secret, Ts(Now), signature, tampered, Now).ShouldBe(SignatureCheck.Mismatch);
        CallbackSignature.Verify("other"u8.ToArray(), Ts(Now), signature, Body, Now).ShouldBe(SignatureCheck.Mismatch);
    }

    [Fact]
    public void A_timestamp_moved_to_look_fresh_breaks_the_signature()
    {
        var old = Now.AddMinutes(-30);
        var signature = CallbackSignature.Sign(Secret, old.ToUnixTimeSeconds(), Body);
        CallbackSignature.Verify(Secret, Ts(Now), signature, Body, Now).ShouldBe(SignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Callbacks_more_than_five_minutes_away_are_stale(int seconds)
    {
        var at = Now.AddSeconds(seconds);
        var signature = CallbackSignature.Sign(Secret, at.ToUnixTimeSeconds(), Body);
        CallbackSignature.Verify(Secret, Ts(at), signature, Body, Now).ShouldBe(SignatureCheck.Stale);
    }

    [Theory]
    [InlineData(null, "ab", SignatureCheck.Missing)]
    [InlineData("1", null, SignatureCheck.Missing)]
    [InlineData("abc", "00", SignatureCheck.Malformed)]
    [InlineData("-5", "00", SignatureCheck.Malformed)]
    [InlineData("1795500000", "zz00000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Malformed)]
    [InlineData("99999999999999999", "0000000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Stale)]
    public void Malformed_headers_are_refused(string? timestamp, string? signature, SignatureCheck expected) =>
        CallbackSignature.Verify(Secret, timestamp, signature, Body, Now).ShouldBe(expected);
}

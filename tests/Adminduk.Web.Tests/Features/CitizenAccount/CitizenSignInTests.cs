using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.CitizenAccount;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.CitizenAccount.CitizenTestData;

namespace Adminduk.Web.Tests.Features.CitizenAccount;

public class CitizenSignInTests
{
    [Theory, BothDatabases]
    public async Task Phone_and_code_create_a_confirmed_citizen_account_and_sign_in(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);

        using var sent = await PostPhoneAsync(client, "0812-3456-7890");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount/Code?Phone=%2B6281234567890");
        var codePage = await HtmlAsync(await client.GetAsync(sent.Headers.Location));
        codePage.ShouldContain("Kode 6 angka telah dikirim ke +62812*****890.");

        await using (var db = app.Database.NewContext())
        {
            var message = await db.OutboxMessages.SingleAsync();
            message.Recipient.ShouldBe(Phone);
            message.Template.ShouldBe("otp");
            var stored = await db.OneTimeCodes.SingleAsync();
            stored.Phone.ShouldBe(Phone);
            stored.Purpose.ShouldBe(CitizenSignIn.Purpose);
            stored.ExpiresAt.ShouldBe(app.Time.GetUtcNow().AddMinutes(5));
            var code = await LatestCodeAsync(app, Phone);
            code.ShouldMatch("^[0-9]{6}$");
            message.Text.ShouldStartWith($"Kode masuk Adminduk Anda: {code}. Berlaku 5 menit.");
            stored.CodeHash.ShouldNotContain(code, Case.Sensitive, "only a keyed hash is stored");
        }

        using var signedIn = await PostCodeAsync(client, Phone, await LatestCodeAsync(app, Phone));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.Home);
        var home = await HtmlAsync(await client.GetAsync(CitizenPaths.Home));

        home.ShouldContain("Akun saya");
        home.ShouldContain(Phone);
        home.ShouldContain("Belum terhubung");
        var user = await UserAsync(app);
        user.PhoneNumber.ShouldBe(Phone);
        user.PhoneNumberConfirmed.ShouldBeTrue();
        user.PasswordHash.ShouldBeNull();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.GetRolesAsync((await users.FindByIdAsync(user.Id.ToString()))!)).ShouldBe([Roles.Citizen]);
        }

        var audit = await AuditAsync(app);
        audit.Select(a => a.Action).ShouldBe([CitizenAuditActions.AccountCreated, AccountAuditActions.SignedIn]);
        audit[1].ActorId.ShouldBe(user.Id);
        audit[1].Details.ShouldBe("one-time code");
        await using (var db = app.Database.NewContext())
        {
            (await db.OneTimeCodes.SingleAsync()).ConsumedAt.ShouldBe(app.Time.GetUtcNow());
        }
    }

    [Theory, BothDatabases]
    public async Task A_foreign_number_signs_in_through_the_json_api_and_the_cookie_works(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);
        const string malaysian = "+60123456789";

        using var sent = await client.PostAsJsonAsync("/api/auth/code", new { phone = "+60 12-345 6789" });
        var sentBody = await JsonAsync(sent);
        using var before = await client.GetAsync("/api/auth/me");
        using var verified = await client.PostAsJsonAsync("/api/auth/verify", new { phone = malaysian, code = await LatestCodeAsync(app, malaysian) });
        var me = await JsonAsync(await client.GetAsync("/api/auth/me"));

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        sentBody.GetProperty("phone").GetString().ShouldBe("+60123***789");
        sentBody.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(app.Time.GetUtcNow().AddMinutes(5));
        before.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        verified.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("adminduk.auth=", StringComparison.Ordinal));
        me.GetProperty("phone").GetString().ShouldBe(malaysian);
        me.GetProperty("linked").GetBoolean().ShouldBeFalse();
        (await UserAsync(app, malaysian)).PhoneNumberConfirmed.ShouldBeTrue();
    }

    [Theory, BothDatabases]
    public async Task A_wrong_code_is_refused_counted_and_audited(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);
        var code = await LatestCodeAsync(app, Phone);

        using var wrong = await PostCodeAsync(client, Phone, Other(code));
        using var malformed = await PostCodeAsync(client, Phone, "12a4");

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(wrong)).ShouldContain("Kode salah. Sisa percobaan: 4.");
        (await HtmlAsync(malformed)).ShouldContain("Kode terdiri dari 6 angka.");
        (await client.GetAsync(CitizenPaths.Home)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
        await using var db = app.Database.NewContext();
        (await db.OneTimeCodes.SingleAsync()).FailedAttempts.ShouldBe(1, "a malformed code costs no attempt");
        (await db.Users.CountAsync()).ShouldBe(0, "no account before a right code");
        var failed = (await AuditAsync(app)).ShouldHaveSingleItem();
        failed.Action.ShouldBe(AccountAuditActions.SignInFailed);
        failed.ActorName.ShouldBe(Phone);
        failed.Details.ShouldBe("one-time code: wrong");
    }

    [Theory, BothDatabases]
    public async Task A_code_expires_after_five_minutes(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);
        var code = await LatestCodeAsync(app, Phone);

        app.Time.Advance(TimeSpan.FromMinutes(5));
        using var late = await PostCodeAsync(client, Phone, code);

        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(late)).ShouldContain("Kode sudah kedaluwarsa. Minta kode baru.");
        (await AuditAsync(app)).ShouldHaveSingleItem().Details.ShouldBe("one-time code: expired");
    }

    [Fact]
    public async Task The_lifetime_is_configurable_and_a_code_works_until_it_ends()
    {
        await using var app = await CreateAppAsync(settings: new Dictionary<string, string?> { ["OneTimeCodes:Lifetime"] = "00:10:00" });
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);

        app.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        using var inTime = await PostCodeAsync(client, Phone, await LatestCodeAsync(app, Phone));

        inTime.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.NewContext();
        (await db.OutboxMessages.SingleAsync()).Text.ShouldContain("Berlaku 10 menit.");
    }

    [Theory, BothDatabases]
    public async Task A_code_works_once(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var first = app.CreateClient(cookies: null);
        using var second = app.CreateClient(cookies: null);
        await PostPhoneAsync(first, Phone);
        var code = await LatestCodeAsync(app, Phone);

        using var used = await PostCodeAsync(first, Phone, code);
        using var reused = await PostCodeAsync(second, Phone, code);

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(reused)).ShouldContain("Tidak ada kode yang menunggu, atau kode sudah dipakai.");
        (await second.GetAsync(CitizenPaths.Home)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, BothDatabases]
    public async Task After_five_wrong_entries_even_the_right_code_is_refused(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);
        var code = await LatestCodeAsync(app, Phone);

        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostCodeAsync(client, Phone, Other(code));
            pages.Add(await HtmlAsync(wrong));
        }

        using var sixth = await PostCodeAsync(client, Phone, code);

        pages[0].ShouldContain("Sisa percobaan: 4.");
        pages[3].ShouldContain("Sisa percobaan: 1.");
        pages[4].ShouldContain("Kode ini tidak berlaku lagi karena terlalu sering salah dimasukkan.");
        (await HtmlAsync(sixth)).ShouldContain("Kode ini tidak berlaku lagi");
        (await client.GetAsync(CitizenPaths.Home)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
        await using var db = app.Database.NewContext();
        (await db.OneTimeCodes.SingleAsync()).FailedAttempts.ShouldBe(5);
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Sends_are_limited_per_number_in_fifteen_minutes_and_per_day(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await PostPhoneAsync(client, Phone);
            statuses.Add(sent.StatusCode);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        using var fourth = await PostPhoneAsync(client, Phone);
        using var otherNumber = await PostPhoneAsync(client, "+6281298765432");
        using var api = await client.PostAsJsonAsync("/api/auth/code", new { phone = Phone });

        statuses.ShouldAllBe(s => s == HttpStatusCode.Redirect);
        fourth.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlAsync(fourth);
        page.ShouldContain("Nomor ini sudah terlalu sering dikirimi kode. Coba lagi setelah 12 menit.");
        page.ShouldContain("href=\"/CitizenAccount/Code?Phone=%2B6281234567890\"", Case.Sensitive, "it may still hold a valid code");
        otherNumber.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Headers.GetValues("Retry-After").Single().ShouldBe("720");
        (await JsonAsync(api)).GetProperty("detail").GetString().ShouldBe("Nomor ini sudah terlalu sering dikirimi kode. Coba lagi setelah 12 menit.");

        // The window slides: once the first send is 15 minutes old, one more is allowed; ten a day at most.
        var allowed = 3;
        for (var round = 0; round < 10; round++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(15));
            for (var i = 0; i < 3; i++)
            {
                using var sent = await PostPhoneAsync(client, Phone);
                allowed += sent.StatusCode == HttpStatusCode.Redirect ? 1 : 0;
            }
        }

        allowed.ShouldBe(10);
        await using var db = app.Database.NewContext();
        (await db.OneTimeCodes.CountAsync(c => c.Phone == Phone)).ShouldBe(10);
        (await db.OutboxMessages.CountAsync(m => m.Recipient == Phone)).ShouldBe(10, "a refused send writes no message");
    }

    [Fact]
    public async Task Sends_are_limited_per_client_address()
    {
        // Kestrel, so requests carry a real client address (127.0.0.1).
        await using var app = await CreateAppAsync(settings: new Dictionary<string, string?> { ["OneTimeCodes:SendsPerClient"] = "2" }, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var first = await client.PostAsJsonAsync("/api/auth/code", new { phone = "+6281200000001" });
        using var second = await client.PostAsJsonAsync("/api/auth/code", new { phone = "+6281200000002" });
        using var third = await client.PostAsJsonAsync("/api/auth/code", new { phone = "+6281200000003" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await JsonAsync(third)).GetProperty("detail").GetString().ShouldBe("Terlalu banyak permintaan kode dari jaringan Anda. Coba lagi setelah 15 menit.");
        await using var db = app.Database.NewContext();
        (await db.OneTimeCodes.Select(c => c.ClientIp).Distinct().ToListAsync()).ShouldBe(["127.0.0.1"]);
    }

    [Theory, BothDatabases]
    public async Task A_thousand_guesses_across_codes_are_all_refused_and_lock_the_number_out(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var attacker = app.CreateClient(cookies: null);
        var refused = 0;
        var codesSent = 0;
        var guess = 0;
        string? lastCode = null;

        // The attacker asks for a new code whenever allowed and guesses in between, 1,000 guesses in all, over an hour.
        for (var minute = 0; guess < 1000; minute++)
        {
            using (var send = await attacker.PostAsJsonAsync("/api/auth/code", new { phone = Phone }))
            {
                if (send.StatusCode == HttpStatusCode.OK)
                {
                    codesSent++;
                    lastCode = await LatestCodeAsync(app, Phone);
                }
            }

            for (var i = 0; i < 17 && guess < 1000; i++, guess++)
            {
                var candidate = (guess * 7919 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
                if (candidate == lastCode)
                {
                    candidate = Other(candidate); // the test knows the code; the attacker must never hit it by luck
                }

                refused += await GuessAsync(attacker, candidate) == HttpStatusCode.BadRequest ? 1 : 0;
            }

            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        using var rightCodeAfterwards = await attacker.PostAsJsonAsync("/api/auth/verify", new { phone = Phone, code = lastCode });
        using var me = await attacker.GetAsync("/api/auth/me");

        refused.ShouldBe(1000);
        codesSent.ShouldBeLessThanOrEqualTo(10);
        rightCodeAfterwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the newest code was burnt by the guesses");
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = app.Database.NewContext();
        var codes = await db.OneTimeCodes.ToListAsync();
        codes.Count.ShouldBe(codesSent);
        codes.ShouldAllBe(c => c.FailedAttempts <= 5 && c.ConsumedAt == null);
        codes.Sum(c => c.FailedAttempts).ShouldBeLessThanOrEqualTo(50, "at most five real comparisons per code, ten codes a day");
        (await db.Users.CountAsync()).ShouldBe(0);
        var audited = await db.AuditEntries.Where(a => a.Action == AccountAuditActions.SignInFailed).ToListAsync();
        audited.Count(a => a.Details == "one-time code: wrong").ShouldBe(codes.Sum(c => c.FailedAttempts), "every comparison is audited");
        audited.Count.ShouldBeLessThanOrEqualTo(50 + (2 * 59), "refusals without a comparison (blocked, expired) are audited once a minute each");
    }

    [Theory, BothDatabases]
    public async Task Parallel_guesses_get_no_more_than_five_comparisons_out_of_a_code(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var attacker = app.CreateClient(cookies: null);
        await attacker.PostAsJsonAsync("/api/auth/code", new { phone = Phone });
        var code = await LatestCodeAsync(app, Phone);

        var statuses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => GuessAsync(attacker, Other(((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))));
        var afterwards = await GuessAsync(attacker, code);

        statuses.ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        afterwards.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = app.Database.NewContext();
        (await db.OneTimeCodes.SingleAsync()).FailedAttempts.ShouldBe(5);
        (await db.AuditEntries.CountAsync(a => a.Details == "one-time code: wrong")).ShouldBe(5);
    }

    private static async Task<HttpStatusCode> GuessAsync(HttpClient client, string code)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/verify", new { phone = Phone, code });
        return response.StatusCode;
    }

    [Theory, BothDatabases]
    public async Task A_new_code_replaces_the_previous_one(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);
        var oldCode = await LatestCodeAsync(app, Phone);

        using var resent = await client.PostFormAsync(CodePage(Phone) + "&handler=Resend", new Dictionary<string, string> { ["Phone"] = Phone }, CodePage(Phone));
        var newCode = await LatestCodeAsync(app, Phone);
        if (newCode == oldCode)
        {
            return; // one in a million: the two random codes are equal and the test says nothing
        }

        using var old = await PostCodeAsync(client, Phone, oldCode);
        using var current = await PostCodeAsync(client, Phone, newCode);

        (await HtmlAsync(resent)).ShouldContain("Kode baru telah dikirim ke +62812*****890.");
        (await HtmlAsync(old)).ShouldContain("Kode salah.");
        current.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_code_cannot_sign_in_an_rt_head_whose_user_name_is_the_same_phone()
    {
        await using var app = await CreateAppAsync();
        var rtHead = await app.CreateUserAsync(Roles.RtHead, Phone);
        using var client = app.CreateClient(cookies: null);
        await PostPhoneAsync(client, Phone);

        using var refused = await PostCodeAsync(client, Phone, await LatestCodeAsync(app, Phone));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(refused)).ShouldContain("Nomor ini dipakai akun Ketua RT atau petugas.");
        (await client.GetAsync(AccountPaths.RtHome)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
        var audit = (await AuditAsync(app)).ShouldHaveSingleItem();
        audit.ActorId.ShouldBe(rtHead.Id);
        audit.Details.ShouldBe("one-time code for a password account");
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_return_url_only()
    {
        await using var app = await CreateAppAsync();
        using var client = app.CreateClient(cookies: null);

        using var sent = await PostPhoneAsync(client, Phone, "/CitizenAccount/Link");
        using var local = await PostCodeAsync(client, Phone, await LatestCodeAsync(app, Phone), "/CitizenAccount/Link");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        using var other = app.CreateClient(cookies: null);
        await PostPhoneAsync(other, Phone);
        using var foreign = await PostCodeAsync(other, Phone, await LatestCodeAsync(app, Phone), "https://contoh.example/curi");

        sent.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount/Code?Phone=%2B6281234567890&ReturnUrl=%2FCitizenAccount%2FLink");
        local.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount/Link");
        foreign.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.Home);
    }

    [Fact]
    public async Task Unreadable_phone_numbers_get_the_domain_message_and_nothing_is_sent()
    {
        await using var app = await CreateAppAsync();
        using var client = app.CreateClient(cookies: null);

        using var page = await PostPhoneAsync(client, "021 555 1234");
        using var api = await client.PostAsJsonAsync("/api/auth/code", new { phone = "812345" });
        using var codePage = await client.GetAsync(CitizenPaths.Code + "?Phone=abc");

        (await HtmlAsync(page)).ShouldContain("+62215551234 bukan nomor seluler Indonesia");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(api)).GetProperty("errors").GetProperty("phone")[0].GetString()!.ShouldStartWith("Awali nomor dengan 0");
        codePage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        codePage.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.SignIn);
        await using var db = app.Database.NewContext();
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Pages_and_the_code_message_follow_the_chosen_language()
    {
        await using var app = await CreateAppAsync();
        using var client = app.CreateClient(cookies: null);

        var page = await HtmlAsync(await client.GetAsync(CitizenPaths.SignIn + "?culture=en"));
        using var sent = await PostPhoneAsync(client, "0812 3456 7890");
        var codePage = await HtmlAsync(await client.GetAsync(sent.Headers.Location));

        page.ShouldContain("Sign in with your phone number");
        page.ShouldContain("Send code");
        codePage.ShouldContain("A 6-digit code was sent to +62812*****890.");
        await using var db = app.Database.NewContext();
        (await db.OutboxMessages.SingleAsync()).Text.ShouldStartWith("Your Adminduk sign-in code: ");
    }

    [Fact]
    public void Hashes_agree_between_instances_with_the_same_configured_key_only()
    {
        static OneTimeCodeHasher Hasher(string? key) => new(
            Microsoft.Extensions.Options.Options.Create(new OneTimeCodeOptions { HashKey = key }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OneTimeCodeHasher>.Instance);

        var stored = Hasher("gunakan-kunci-yang-panjang").Hash(Phone, "sign-in", "123456");

        Hasher("gunakan-kunci-yang-panjang").Matches(stored, Phone, "sign-in", "123456").ShouldBeTrue();
        Hasher("gunakan-kunci-yang-panjang").Matches(stored, Phone, "sign-in", "123457").ShouldBeFalse();
        Hasher("gunakan-kunci-yang-panjang").Matches(stored, "+6281234567891", "sign-in", "123456").ShouldBeFalse();
        Hasher("gunakan-kunci-yang-panjang").Matches(stored, Phone, "link", "123456").ShouldBeFalse();
        Hasher("kunci-lain").Matches(stored, Phone, "sign-in", "123456").ShouldBeFalse();
        Hasher(null).Matches(stored, Phone, "sign-in", "123456").ShouldBeFalse();
        Hasher("gunakan-kunci-yang-panjang").Hash(Phone, "sign-in", "123456").ShouldNotBe(stored, "salted");
    }

    [Theory]
    [InlineData("+6281234567890", "+62812*****890")]
    [InlineData("+60123456789", "+60123***789")]
    [InlineData("+4930123", "+49***23")]
    [InlineData("warga@example.id", "w****@example.id")]
    public void Contacts_are_masked_in_the_middle(string contact, string masked) =>
        ContactMask.Mask(contact).ShouldBe(masked);
}

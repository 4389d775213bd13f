using System.Net;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.Account.AccountTestData;

namespace Adminduk.Web.Tests.Features.Account;

public class SignInTests
{
    [Theory, BothDatabases]
    public async Task Staff_sign_in_lands_on_the_staff_home_and_is_audited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var user = await CreateOperatorAsync(app);
        using var client = app.CreateClient(cookies: null);

        using var response = await PostStaffSignInAsync(client, "siti.operator", AppFactory.DefaultPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(AccountPaths.StaffHome);
        var home = await client.GetStringAsync(AccountPaths.StaffHome);

        home.ShouldContain("Beranda petugas");
        home.ShouldContain("Siti Rahmawati");
        home.ShouldContain("Operator");
        home.ShouldContain("Disdukcapil Kota Balikpapan");
        var entry = (await AuditAsync(app)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AccountAuditActions.SignedIn);
        entry.ActorId.ShouldBe(user.Id);
        entry.ActorName.ShouldBe("siti.operator");
        entry.SubjectId.ShouldBe(user.Id.ToString());
        entry.At.ShouldBe(app.Time.GetUtcNow());
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Indonesian_and_audited()
    {
        await using var app = await AppFactory.CreateAsync();
        var user = await CreateOperatorAsync(app);
        using var client = app.CreateClient(cookies: null);

        using var wrong = await PostStaffSignInAsync(client, "siti.operator", "salah-sandi-1");
        using var unknown = await PostStaffSignInAsync(client, "tidak.ada", "salah-sandi-1");

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah.");
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah.");
        var audit = await AuditAsync(app);
        audit.Select(a => a.Action).ShouldBe([AccountAuditActions.SignInFailed, AccountAuditActions.SignInFailed]);
        audit[0].ActorId.ShouldBe(user.Id);
        audit[1].ActorId.ShouldBeNull();
        audit[1].ActorName.ShouldBe("tidak.ada");
        (await client.GetAsync(AccountPaths.StaffHome)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, BothDatabases]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var user = await CreateOperatorAsync(app);
        using var client = app.CreateClient(cookies: null);

        user.LockoutEnabled.ShouldBeTrue("lockout applies to new accounts too");
        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await PostStaffSignInAsync(client, "siti.operator", "salah-sandi-" + i);
            pages.Add(await attempt.Content.ReadAsStringAsync());
        }

        using var rightPassword = await PostStaffSignInAsync(client, "siti.operator", AppFactory.DefaultPassword);

        pages[3].ShouldContain("Nama pengguna atau kata sandi salah.");
        pages[4].ShouldContain("dikunci sementara");
        pages[4].ShouldContain("15 menit");
        rightPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "locked: even the right password is refused");
        (await rightPassword.Content.ReadAsStringAsync()).ShouldContain("dikunci sementara");
        var locked = await ReloadAsync(app, user);
        // Identity stamps the lockout with the system clock, not TimeProvider.
        locked.LockoutEnd.ShouldNotBeNull();
        (locked.LockoutEnd.Value - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        (await AuditAsync(app)).Select(a => a.Action).ShouldBe(
            [.. Enumerable.Repeat(AccountAuditActions.SignInFailed, 4), AccountAuditActions.LockedOut, AccountAuditActions.LockedOut]);

        // Once the lockout has passed, the right password works again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var current = await users.FindByIdAsync(user.Id.ToString());
            await users.SetLockoutEndDateAsync(current!, DateTimeOffset.UtcNow.AddSeconds(-1));
        }

        using var later = await PostStaffSignInAsync(client, "siti.operator", AppFactory.DefaultPassword);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("081234567890")]
    [InlineData("0812-3456-7890")]
    [InlineData("6281234567890")]
    [InlineData("+62 812 3456 7890")]
    public async Task Rt_head_signs_in_with_the_phone_typed_any_usual_way(string typed)
    {
        await using var app = await AppFactory.CreateAsync();
        await CreateRtHeadAsync(app);
        using var client = app.CreateClient(cookies: null);

        using var response = await PostRtSignInAsync(client, typed, AppFactory.DefaultPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(AccountPaths.RtHome);
        var home = await client.GetStringAsync(AccountPaths.RtHome);

        home.ShouldContain("Bambang Sutrisno");
        home.ShouldContain("RT 003 / RW 005");
        home.ShouldContain("Gunung Samarinda Baru");
        home.ShouldContain("Balikpapan Utara");
        home.ShouldMatch(@"Kartu Keluarga</dt>\s*<dd[^>]*>2</dd>");
    }

    [Fact]
    public async Task Rt_sign_in_explains_a_phone_number_it_cannot_read()
    {
        await using var app = await AppFactory.CreateAsync();
        await CreateRtHeadAsync(app);
        using var client = app.CreateClient(cookies: null);

        using var response = await PostRtSignInAsync(client, "12345", AppFactory.DefaultPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Nomor HP tidak dikenali.");
        (await AuditAsync(app)).ShouldBeEmpty("nothing was attempted");
    }

    [Fact]
    public async Task Each_sign_in_page_accepts_only_its_own_roles()
    {
        await using var app = await AppFactory.CreateAsync();
        await CreateRtHeadAsync(app);
        await CreateOperatorAsync(app);
        using var client = app.CreateClient(cookies: null);

        using var rtOnStaffPage = await PostStaffSignInAsync(client, RtPhone, AppFactory.DefaultPassword);
        using var citizen = await PostStaffSignInAsync(client, (await app.CreateUserAsync(Roles.Citizen)).UserName!, AppFactory.DefaultPassword);

        (await rtOnStaffPage.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah.");
        (await citizen.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah.");
        (await AuditAsync(app)).ShouldAllBe(a => a.Action == AccountAuditActions.SignInFailed && a.Details == "role not allowed on this page");
        (await client.GetAsync(AccountPaths.RtHome)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_return_url_but_never_to_another_site()
    {
        await using var app = await AppFactory.CreateAsync();
        await CreateOperatorAsync(app);

        using var local = await PostStaffSignInAsync(app.CreateClient(cookies: null), "siti.operator", AppFactory.DefaultPassword, "/Staff/Index");
        using var foreign = await PostStaffSignInAsync(app.CreateClient(cookies: null), "siti.operator", AppFactory.DefaultPassword, "https://contoh.example/curi");

        local.Headers.Location!.OriginalString.ShouldBe("/Staff/Index");
        foreign.Headers.Location!.OriginalString.ShouldBe(AccountPaths.StaffHome);
    }

    [Fact]
    public async Task Protected_page_sends_an_anonymous_visitor_to_sign_in_with_the_way_back()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateClient(cookies: null);

        using var response = await client.GetAsync("/Rt");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/Account/SignIn?ReturnUrl=%2FRt");
        var chooser = await client.GetStringAsync(response.Headers.Location);
        chooser.ShouldContain("href=\"/Account/SignInRt?ReturnUrl=%2FRt\"");
    }

    [Fact]
    public async Task Sign_in_attempts_per_address_are_rate_limited_with_an_Indonesian_message()
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SignIn:PermitLimit"] = "3",
            ["RateLimiting:SignIn:WindowSeconds"] = "3600",
        });
        await CreateOperatorAsync(app);
        using var client = app.CreateClient(cookies: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await PostStaffSignInAsync(client, "siti.operator", "salah-sandi-" + i);
            statuses.Add(attempt.StatusCode);
        }

        using var limited = await PostStaffSignInAsync(client, "siti.operator", AppFactory.DefaultPassword);
        using var rtLimited = await PostRtSignInAsync(client, RtPhone, AppFactory.DefaultPassword);
        using var page = await client.GetAsync(AccountPaths.SignInStaff);

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldBe("Terlalu banyak percobaan masuk dari alamat Anda. Tunggu sebentar, lalu coba lagi.");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        rtLimited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "one budget for both sign-in pages");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "showing the form is not an attempt");
        (await AuditAsync(app)).Count.ShouldBe(3, "refused attempts never reach the password check");
    }
}

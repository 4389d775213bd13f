using System.Net;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using static Adminduk.Web.Tests.Features.Account.AccountTestData;

namespace Adminduk.Web.Tests.Features.Account;

public class PasswordAndSignOutTests
{
    private const string NewPassword = "kunci-baru-2026";

    [Theory, BothDatabases]
    public async Task Account_that_must_change_its_password_can_do_nothing_else_until_it_has(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var user = await CreateOperatorAsync(app, u => u.MustChangePassword = true);
        using var client = app.CreateClient(cookies: null);

        using var signIn = await PostStaffSignInAsync(client, "siti.operator", AppFactory.DefaultPassword, "/Staff/Index");
        signIn.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword?ReturnUrl=%2FStaff%2FIndex");
        using var blocked = await client.GetAsync("/Staff");
        blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        blocked.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword?ReturnUrl=%2FStaff");
        (await client.GetStringAsync(signIn.Headers.Location)).ShouldContain("Anda harus mengganti kata sandi");

        using var changed = await client.PostFormAsync("/Account/ChangePassword?ReturnUrl=%2FStaff%2FIndex", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AppFactory.DefaultPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Headers.Location!.OriginalString.ShouldBe("/Staff/Index");
        (await client.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReloadAsync(app, user)).MustChangePassword.ShouldBeFalse();
        (await AuditAsync(app)).Select(a => a.Action).ShouldBe([AccountAuditActions.SignedIn, AccountAuditActions.PasswordChanged]);
        using var oldPassword = await PostStaffSignInAsync(app.CreateClient(cookies: null), "siti.operator", AppFactory.DefaultPassword);
        using var newPassword = await PostStaffSignInAsync(app.CreateClient(cookies: null), "siti.operator", NewPassword);
        oldPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        newPassword.Headers.Location!.OriginalString.ShouldBe(AccountPaths.StaffHome);
    }

    [Theory]
    [InlineData("salah-sekali-1", NewPassword, NewPassword, "Kata sandi sekarang salah.")]
    [InlineData(AppFactory.DefaultPassword, NewPassword, "kunci-lain-2026", "Kata sandi baru dan ulangannya tidak sama.")]
    [InlineData(AppFactory.DefaultPassword, "pendek1", "pendek1", "Kata sandi paling sedikit 8 karakter.")]
    [InlineData(AppFactory.DefaultPassword, "tanpaangkasama", "tanpaangkasama", "Kata sandi harus berisi paling sedikit satu angka.")]
    [InlineData(AppFactory.DefaultPassword, AppFactory.DefaultPassword, AppFactory.DefaultPassword, "Kata sandi baru harus berbeda")]
    [InlineData(AppFactory.DefaultPassword, "", "", "Kata sandi baru wajib diisi.")]
    public async Task Change_password_explains_what_is_wrong(string current, string next, string repeat, string message)
    {
        await using var app = await AppFactory.CreateAsync();
        var user = await CreateOperatorAsync(app);
        using var client = await app.CreateClientAsync(user);

        using var response = await client.PostFormAsync(AccountPaths.ChangePassword, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = repeat,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await AuditAsync(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_the_antiforgery_token_and_is_audited()
    {
        await using var app = await AppFactory.CreateAsync();
        var user = await CreateOperatorAsync(app);
        using var client = await app.CreateClientAsync(user);

        using var withoutToken = await client.PostAsync(AccountPaths.SignOut, new FormUrlEncodedContent([]));
        (await client.GetAsync(AccountPaths.StaffHome)).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");
        using var signOut = await client.PostFormAsync(AccountPaths.SignOut, new Dictionary<string, string>());
        using var afterwards = await client.GetAsync(AccountPaths.StaffHome);

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/");
        afterwards.Headers.Location!.AbsolutePath.ShouldBe(AccountPaths.SignIn);
        var entry = (await AuditAsync(app)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AccountAuditActions.SignedOut);
        entry.ActorId.ShouldBe(user.Id);
    }

    [Fact]
    public async Task Signed_in_layout_offers_sign_out_as_a_protected_form()
    {
        await using var app = await AppFactory.CreateAsync();
        var user = await CreateOperatorAsync(app);
        using var client = await app.CreateClientAsync(user);

        var html = await client.GetStringAsync("/");

        html.ShouldContain("Masuk sebagai Siti Rahmawati");
        html.ShouldMatch("""<form method="post" class="inline-form" action="/Account/SignOut">\s*<button type="submit" class="link-button">Keluar</button>\s*<input name="__RequestVerificationToken" type="hidden" value="[^"]+" />""");
    }
}

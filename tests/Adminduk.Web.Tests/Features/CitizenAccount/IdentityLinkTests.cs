using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.CitizenAccount;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.CitizenAccount.CitizenTestData;

namespace Adminduk.Web.Tests.Features.CitizenAccount;

public partial class IdentityLinkTests
{
    private const string NoMatch = "Data tidak cocok dengan data kependudukan. Periksa kembali NIK, nomor KK, dan tanggal lahir.";
    private static readonly DateOnly BirthDate = new(1985, 8, 17);

    [Theory, BothDatabases]
    public async Task Links_at_once_when_the_register_phone_is_the_signed_in_phone(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: Phone);
        using var client = await SignInAsync(app);

        using var linked = await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");
        var home = await HtmlAsync(await client.GetAsync(linked.Headers.Location));

        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        linked.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount?Done=linked");
        home.ShouldContain("Akun Anda sudah terhubung dengan data kependudukan.");
        home.ShouldContain("Siti Aminah");
        home.ShouldContain("NIK " + Domain.Numbers.Nik.Mask(siti.Nik));
        home.ShouldNotContain(siti.Nik);
        var user = await UserAsync(app);
        user.ResidentId.ShouldBe(siti.Id);
        user.IdentityProvisional.ShouldBeFalse();
        var entry = (await AuditAsync(app)).Last();
        entry.Action.ShouldBe(CitizenAuditActions.IdentityLinked);
        entry.ActorId.ShouldBe(user.Id);
        entry.SubjectId.ShouldBe(siti.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var db = app.Database.NewContext();
        (await db.OutboxMessages.CountAsync()).ShouldBe(1, "only the sign-in code was sent");
    }

    [Theory, BothDatabases]
    public async Task Every_mismatch_gives_the_same_message_and_links_nothing(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate);
        var neighbour = await RegisterBuilder.AddResidentAsync(app, new DateOnly(1990, 1, 2), "Budi Santoso", Sex.Male);
        var deceased = await RegisterBuilder.AddResidentAsync(app, new DateOnly(1950, 5, 6), "Almarhum Ahmad", Sex.Male, status: ResidentStatus.Deceased);
        var movedOut = await RegisterBuilder.AddResidentAsync(app, new DateOnly(1970, 3, 4), "Rina Pindah", status: ResidentStatus.MovedOut);
        var unknownNik = NumberComposer.Nik(RegisterBuilder.District, BirthDate, Sex.Female, 9999);
        using var client = await SignInAsync(app);
        (string Nik, string Kk, string Date)[] attempts =
        [
            (unknownNik, siti.KkNumber, "1985-08-17"),
            (siti.Nik, neighbour.KkNumber, "1985-08-17"),
            (siti.Nik, siti.KkNumber, "1985-08-18"),
            (deceased.Nik, deceased.KkNumber, "1950-05-06"),
            (movedOut.Nik, movedOut.KkNumber, "1970-03-04"),
        ];

        var answers = new List<string>();
        foreach (var (nik, kk, date) in attempts)
        {
            using var response = await PostLinkAsync(client, nik, kk, date);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(FormOf(await HtmlAsync(response)));
        }

        answers[0].ShouldContain(NoMatch);
        answers.Distinct().ShouldHaveSingleItem("the whole form reads the same whatever part was wrong");
        var user = await UserAsync(app);
        user.ResidentId.ShouldBeNull();
        var failures = (await AuditAsync(app)).Where(a => a.Action == CitizenAuditActions.IdentityLinkFailed).ToList();
        failures.Select(a => a.Details![(a.Details!.IndexOf(':') + 2)..]).ShouldBe(
            ["nik not found", "not a member of that kk", "birth date differs", "not alive (deceased)", "not alive (movedout)"]);
        failures.ShouldAllBe(a => a.ActorId == user.Id && !a.Details!.Contains(siti.Nik));
    }

    [Theory, BothDatabases]
    public async Task A_deceased_resident_cannot_be_linked_through_the_api_either(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var deceased = await RegisterBuilder.AddResidentAsync(app, new DateOnly(1950, 5, 6), "Almarhum Ahmad", Sex.Male, phone: Phone, status: ResidentStatus.Deceased);
        var alive = await RegisterBuilder.AddResidentAsync(app, BirthDate);
        using var client = await SignInAsync(app);

        using var refused = await client.PostAsJsonAsync("/api/auth/link", new { nik = deceased.Nik, kkNumber = deceased.KkNumber, birthDate = "1950-05-06" });
        using var wrongDate = await client.PostAsJsonAsync("/api/auth/link", new { nik = alive.Nik, kkNumber = alive.KkNumber, birthDate = "1985-08-18" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        wrongDate.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var first = await JsonAsync(refused);
        var second = await JsonAsync(wrongDate);
        first.GetProperty("detail").GetString()!.ShouldStartWith(NoMatch);
        second.GetProperty("detail").GetString().ShouldBe(first.GetProperty("detail").GetString());
        second.GetProperty("title").GetString().ShouldBe(first.GetProperty("title").GetString());
        (await UserAsync(app)).ResidentId.ShouldBeNull();
    }

    [Fact]
    public async Task Format_errors_are_shown_per_field_and_do_not_count_as_attempts()
    {
        await using var app = await CreateAppAsync();
        using var client = await SignInAsync(app);

        var page = await HtmlAsync(await PostLinkAsync(client, "12345", "64710512031500O1", "31-02-1990"));
        var future = await HtmlAsync(await PostLinkAsync(client, "6471055708850001", "6471051203150001", "2026-11-24"));
        using var api = await client.PostAsJsonAsync("/api/auth/link", new { nik = "", kkNumber = "6471051203150001", birthDate = "17/08/1985" });

        page.ShouldContain("NIK harus 16 angka, yang dimasukkan 5 angka.");
        page.ShouldContain("Nomor KK hanya boleh berisi angka 0-9, tanpa spasi atau tanda baca: karakter ke-15 [O] bukan angka.");
        page.ShouldContain("Tanggal lahir tidak dikenali. Tulis seperti 17-08-1985.");
        page.ShouldNotContain(NoMatch);
        future.ShouldContain("Tanggal lahir tidak boleh di masa depan.");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(api)).GetProperty("errors");
        errors.GetProperty("nik")[0].GetString().ShouldBe("NIK belum diisi.");
        errors.TryGetProperty("kkNumber", out _).ShouldBeFalse();
        errors.TryGetProperty("birthDate", out _).ShouldBeFalse("17/08/1985 is a date people write");
        (await AuditAsync(app)).ShouldNotContain(a => a.Action == CitizenAuditActions.IdentityLinkFailed);
    }

    [Theory, BothDatabases]
    public async Task Without_a_register_phone_the_link_is_provisional_and_asks_for_a_selfie(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate);
        using var client = await SignInAsync(app);

        using var linked = await PostLinkAsync(client, siti.Nik, siti.KkNumber, "17-08-1985");
        var home = await HtmlAsync(await client.GetAsync(CitizenPaths.Home));
        using var phonePage = await client.GetAsync(CitizenPaths.Phone);
        var me = await JsonAsync(await client.GetAsync("/api/auth/me"));

        linked.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.Home);
        home.ShouldContain("Terhubung sementara");
        home.ShouldContain("swafoto sambil memegang KTP atau KK");
        home.ShouldContain("Siti Aminah");
        var user = await UserAsync(app);
        user.ResidentId.ShouldBe(siti.Id);
        user.IdentityProvisional.ShouldBeTrue();
        me.GetProperty("provisional").GetBoolean().ShouldBeTrue();
        (await HtmlAsync(phonePage)).ShouldContain("Nomor HP tercatat hanya dapat diganti setelah akun Anda terhubung dan terkonfirmasi");
        (await AuditAsync(app)).Last().Action.ShouldBe(CitizenAuditActions.IdentityLinkedProvisionally);
    }

    [Theory, BothDatabases]
    public async Task A_different_register_phone_gets_a_code_and_the_link_waits_for_it(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        const string registerPhone = "+6285211112222";
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: registerPhone);
        using var client = await SignInAsync(app);

        using var sent = await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");
        var codePage = await HtmlAsync(await client.GetAsync(CitizenPaths.LinkCode));
        var code = await LatestCodeAsync(app, registerPhone);
        using var wrong = await client.PostFormAsync(CitizenPaths.LinkCode, new Dictionary<string, string> { ["Input.Code"] = Other(code) });
        (await UserAsync(app)).ResidentId.ShouldBeNull("not before the code");
        using var confirmed = await client.PostFormAsync(CitizenPaths.LinkCode, new Dictionary<string, string> { ["Input.Code"] = code });

        sent.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.LinkCode);
        codePage.ShouldContain("nomor HP yang tercatat di Disdukcapil: +62852*****222");
        (await HtmlAsync(wrong)).ShouldContain("Kode salah. Sisa percobaan: 4.");
        confirmed.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount?Done=linked");
        var user = await UserAsync(app);
        user.ResidentId.ShouldBe(siti.Id);
        user.IdentityProvisional.ShouldBeFalse();
        await using var db = app.Database.NewContext();
        var message = await db.OutboxMessages.SingleAsync(m => m.Recipient == registerPhone);
        message.Template.ShouldBe(IdentityLink.LinkTemplate);
        message.Text.ShouldStartWith($"Kode untuk menghubungkan akun Adminduk +62812*****890 dengan data kependudukan Anda: {code}.");
        (await AuditAsync(app)).Select(a => a.Action).ShouldContain(CitizenAuditActions.IdentityLinkCodeSent);
    }

    [Theory, BothDatabases]
    public async Task The_link_code_works_through_the_api(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        const string registerPhone = "+6285211112222";
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: registerPhone);
        using var client = await SignInAsync(app);

        var sent = await JsonAsync(await client.PostAsJsonAsync("/api/auth/link", new { nik = siti.Nik, kkNumber = siti.KkNumber, birthDate = "1985-08-17" }));
        using var confirmed = await client.PostAsJsonAsync("/api/auth/link/verify", new { code = await LatestCodeAsync(app, registerPhone) });
        using var again = await client.PostAsJsonAsync("/api/auth/link", new { nik = siti.Nik, kkNumber = siti.KkNumber, birthDate = "1985-08-17" });

        sent.GetProperty("status").GetString().ShouldBe("code-sent");
        sent.GetProperty("phone").GetString().ShouldBe("+62852*****222");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = await JsonAsync(confirmed);
        status.GetProperty("linked").GetBoolean().ShouldBeTrue();
        status.GetProperty("maskedNik").GetString().ShouldBe(Domain.Numbers.Nik.Mask(siti.Nik));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task Link_attempts_are_limited_per_account(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: Phone);
        using var client = await SignInAsync(app);

        for (var day = 1; day <= 5; day++)
        {
            using var wrong = await PostLinkAsync(client, siti.Nik, siti.KkNumber, $"1985-08-{day:00}");
            (await HtmlAsync(wrong)).ShouldContain(NoMatch);
        }

        using var limited = await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");
        using var otherAccount = await SignInAsync(app, "+6281311112222");
        using var otherLinks = await PostLinkAsync(otherAccount, siti.Nik, siti.KkNumber, "1985-08-18");
        app.Time.Advance(TimeSpan.FromHours(1));
        using var later = await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");

        (await HtmlAsync(limited)).ShouldContain("Terlalu banyak percobaan yang tidak cocok. Coba lagi dalam 60 menit");
        (await HtmlAsync(otherLinks)).ShouldContain(NoMatch, Case.Sensitive, "the limit is per account");
        later.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount?Done=linked");
    }

    [Theory, BothDatabases]
    public async Task Changing_the_phone_on_record_needs_a_code_to_the_new_phone_and_is_audited(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        const string newPhone = "+6281399998888";
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: Phone);
        using var client = await SignInAsync(app);
        await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");

        var form = await HtmlAsync(await client.GetAsync(CitizenPaths.Phone));
        using var sent = await client.PostFormAsync(CitizenPaths.Phone, new Dictionary<string, string> { ["Input.Phone"] = "0813 9999 8888" });
        var codePage = await HtmlAsync(await client.GetAsync(CitizenPaths.PhoneCode));
        await using (var db = app.Database.NewContext())
        {
            (await db.Residents.SingleAsync(r => r.Id == siti.Id)).Phone.ShouldBe(Phone, "not before the code");
        }

        using var confirmed = await client.PostFormAsync(CitizenPaths.PhoneCode, new Dictionary<string, string> { ["Input.Code"] = await LatestCodeAsync(app, newPhone) });
        var home = await HtmlAsync(await client.GetAsync(confirmed.Headers.Location));

        form.ShouldContain("Nomor HP tercatat sekarang: +62812*****890.");
        sent.Headers.Location!.OriginalString.ShouldBe(CitizenPaths.PhoneCode);
        codePage.ShouldContain("Kode telah dikirim ke +62813*****888.");
        confirmed.Headers.Location!.OriginalString.ShouldBe("/CitizenAccount?Done=phone");
        home.ShouldContain("Nomor HP tercatat sudah diganti.");
        home.ShouldContain("+62813*****888");
        await using (var db = app.Database.NewContext())
        {
            var resident = await db.Residents.SingleAsync(r => r.Id == siti.Id);
            resident.Phone.ShouldBe(newPhone);
            resident.UpdatedAt.ShouldBe(app.Time.GetUtcNow());
            var notice = await db.OutboxMessages.OrderBy(m => m.Id).LastAsync();
            notice.Recipient.ShouldBe(Phone, "the old phone is told");
            notice.Template.ShouldBe(IdentityLink.PhoneChangedTemplate);
            notice.Text.ShouldContain("+62813*****888");
        }

        var entry = (await AuditAsync(app)).Last();
        entry.Action.ShouldBe(CitizenAuditActions.PhoneChanged);
        entry.SubjectType.ShouldBe("resident");
        entry.SubjectId.ShouldBe(siti.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.Details.ShouldBe("from +62812*****890 to +62813*****888, confirmed by code");
    }

    [Theory, BothDatabases]
    public async Task A_wrong_code_leaves_the_phone_on_record_alone_and_the_same_number_is_refused(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var siti = await RegisterBuilder.AddResidentAsync(app, BirthDate, phone: Phone);
        using var client = await SignInAsync(app);
        await PostLinkAsync(client, siti.Nik, siti.KkNumber, "1985-08-17");

        using var same = await client.PostAsJsonAsync("/api/auth/phone", new { phone = "081234567890" });
        using var sent = await client.PostAsJsonAsync("/api/auth/phone", new { phone = "+6281399998888" });
        using var wrong = await client.PostAsJsonAsync("/api/auth/phone/verify", new { code = Other(await LatestCodeAsync(app, "+6281399998888")) });

        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(same)).GetProperty("errors").GetProperty("phone")[0].GetString().ShouldBe("Nomor ini sudah tercatat.");
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = app.Database.NewContext();
        (await db.Residents.SingleAsync(r => r.Id == siti.Id)).Phone.ShouldBe(Phone);
        (await db.AuditEntries.AnyAsync(a => a.Action == CitizenAuditActions.PhoneChanged)).ShouldBeFalse();
    }

    private static Task<HttpResponseMessage> PostLinkAsync(HttpClient client, string nik, string kk, string birthDate) =>
        client.PostFormAsync(CitizenPaths.Link, new Dictionary<string, string>
        {
            ["Input.Nik"] = nik,
            ["Input.KkNumber"] = kk,
            ["Input.BirthDate"] = birthDate,
        });

    /// <summary>The link form's messages: the summary and every field error, without the typed values.</summary>
    private static string FormOf(string html) =>
        string.Join("\n", MessagePattern().Matches(html).Select(m => m.Value));

    [GeneratedRegex("<(div|span) class=\"(alert|field-error)[^\"]*\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();
}

using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Board;
using Adminduk.Web.Tests.Infrastructure;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class BoardTests
{
    [Theory, BothDatabases]
    public async Task Page_and_api_show_the_same_batch_per_service_without_sign_in(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync("BPN");
        var other = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        await app.QueueAsync(office, WitaTime(22, 20, 0)); // Sunday night: Monday's batch
        await app.QueueAsync(office, WitaTime(23, 8, 30), KkService);
        await app.QueueAsync(office, WitaTime(23, 8, 40), KkService, configure: a => a.Status = ApplicationStatus.Withdrawn);
        await app.QueueAsync(office, WitaTime(23, 8, 45), configure: a => a.Status = ApplicationStatus.NeedsCorrection);
        await app.QueueAsync(office, WitaTime(23, 13, 30)); // Tuesday's batch
        await app.QueueAsync(other, WitaTime(23, 8, 0));
        var siti = Staff(await app.CreateStaffAsync(office));
        await app.TakeNextAsync(siti);
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);

        var board = await anonymous.GetFromJsonAsync<BoardSnapshot>("/api/offices/bpn/board");
        var html = await anonymous.GetStringAsync("/papan/BPN");

        board!.Office.ShouldBe("BPN");
        board.BatchDay.ShouldBe("2026-11-23");
        board.LocalTime.ShouldBe("09:00");
        board.IntakeOpen.ShouldBeTrue();
        (board.Received, board.Done, board.InProgress, board.Waiting, board.Withdrawn).ShouldBe((3, 1, 1, 1, 1));
        var ktp = board.Services.Single(s => s.Code == KtpService);
        (ktp.Received, ktp.Done, ktp.InProgress, ktp.Waiting).ShouldBe((2, 1, 1, 0));
        board.Services.Single(s => s.Code == KkService).Received.ShouldBe(1);
        html.ShouldContain("data-figure=\"received\">3<");
        html.ShouldContain("data-figure=\"done\">1<");
        html.ShouldContain("data-figure=\"in-progress\">1<");
        html.ShouldContain("data-figure=\"waiting\">1<");
        html.ShouldContain("Pembaruan data penduduk");
        html.ShouldContain("<meta http-equiv=\"refresh\" content=\"30\" />");
        html.ShouldNotContain("<script");
        (await anonymous.GetStringAsync("/papan/BPN?culture=en")).ShouldContain("Update of personal data");
        (await anonymous.GetAsync("/api/offices/XYZ/board")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/papan/XYZ")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

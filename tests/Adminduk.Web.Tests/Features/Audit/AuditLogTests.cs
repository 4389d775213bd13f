using System.Net;
using System.Security.Claims;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Audit;

public class AuditLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Entry_names_the_signed_in_actor_client_ip_and_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var actorId = Guid.NewGuid();
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, actorId.ToString()), new Claim(ClaimTypes.Name, "siti.operator")], "test")),
        };
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");

        await using (var db = database.NewContext())
        {
            var audit = new AuditLog(db, new FakeTimeProvider(Now), new HttpContextAccessor { HttpContext = http });
            await audit.WriteAsync("resident.read", "resident", "42", "lihat detail");
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync();
        entry.At.ShouldBe(Now);
        entry.ActorId.ShouldBe(actorId);
        entry.ActorName.ShouldBe("siti.operator");
        entry.Action.ShouldBe("resident.read");
        entry.SubjectType.ShouldBe("resident");
        entry.SubjectId.ShouldBe("42");
        entry.Details.ShouldBe("lihat detail");
        entry.ClientIp.ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task Without_a_request_the_given_actor_is_recorded_and_long_input_is_cut_to_fit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.NewContext())
        {
            var audit = new AuditLog(db, new FakeTimeProvider(Now), new HttpContextAccessor());
            await audit.WriteAsync("import.residents", details: new string('x', 5000), actor: new AuditActor(null, "cli"));
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync();
        entry.ActorId.ShouldBeNull();
        entry.ActorName.ShouldBe("cli");
        entry.ClientIp.ShouldBeNull();
        entry.Details!.Length.ShouldBe(2000);
    }

    [Fact]
    public async Task Add_waits_for_the_callers_own_save()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var audit = new AuditLog(db, new FakeTimeProvider(Now), new HttpContextAccessor());

        audit.Add("household.changed", "household", "7");
        await using (var before = database.NewContext())
        {
            (await before.AuditEntries.CountAsync()).ShouldBe(0);
        }

        await db.SaveChangesAsync();
        await using var after = database.NewContext();
        (await after.AuditEntries.SingleAsync()).ActorName.ShouldBe(AuditLog.AnonymousActor);
    }
}

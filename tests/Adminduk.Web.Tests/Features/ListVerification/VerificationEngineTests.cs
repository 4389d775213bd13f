using Adminduk.Domain.Matching.Verification;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.ListVerification;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.ListVerification.ListVerificationTestData;

namespace Adminduk.Web.Tests.Features.ListVerification;

public sealed class VerificationEngineTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory, BothDatabases]
    public async Task Each_row_gets_its_verdict_against_the_register_and_the_other_list(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var runId = await RunAsync(database);

        await using var db = database.NewContext();
        var rows = await RowsAsync(db, runId);
        rows.Count.ShouldBe(10);
        Codes(rows, "1:2").ShouldContain(VerdictCodes.HouseholdMultiple);
        Codes(rows, "1:2").ShouldContain(VerdictCodes.DuplicateSameNik);
        Codes(rows, "1:3").ShouldContain(VerdictCodes.HouseholdMultiple);
        Codes(rows, "1:3").ShouldNotContain(VerdictCodes.DataDiffers);
        Codes(rows, "1:4").ShouldContain(VerdictCodes.Deceased);
        Codes(rows, "1:5").ShouldContain(VerdictCodes.NikMalformed);
        Codes(rows, "1:6").ShouldContain(VerdictCodes.NikNotInRegister);
        Codes(rows, "2:2").ShouldContain(VerdictCodes.DuplicateSameNik);
        Codes(rows, "2:3").ShouldContain(VerdictCodes.MovedOut);
        Codes(rows, "2:4").ShouldContain(VerdictCodes.RegisterReview);
        Codes(rows, "2:5").ShouldContain(VerdictCodes.DuplicateReview);
        rows["1:2"].ResidentId.ShouldNotBeNull();
        rows["1:2"].DuplicateGroup.ShouldBe(rows["2:2"].DuplicateGroup);
        rows["1:4"].Status.ShouldBe((int)RowStatus.Problem);
        rows["2:4"].Status.ShouldBe((int)RowStatus.Problem, "its NIK is missing");
        rows["1:2"].Status.ShouldBe((int)RowStatus.Problem);

        var findings = ReviewRules.Deserialize(rows["1:4"].FindingsJson);
        findings.Single(f => f.Code == VerdictCodes.Deceased).Id.ShouldContain("meninggal");

        var run = await db.VerificationRuns.SingleAsync(r => r.Id == runId);
        run.RowCount.ShouldBe(10);
        (run.ValidCount + run.ReviewCount + run.ProblemCount).ShouldBe(10);
        run.CountsJson.ShouldNotBeNull().ShouldContain("\"register.deceased\":1");

        var pairs = await db.Set<VerificationPair>().Where(p => p.RunId == runId).OrderBy(p => p.Index).ToListAsync();
        pairs.Count.ShouldBe(2);
        pairs.ShouldContain(p => p.ResidentId != null && p.OtherRowIndex == null);
        pairs.ShouldContain(p => p.OtherRowIndex != null);
        pairs.ShouldAllBe(p => p.Score >= 0.5 && p.Score < 0.9 && p.Decision == null);
    }

    [Theory, BothDatabases]
    public async Task Decisions_change_the_rows_and_carry_over_to_a_later_run_of_the_same_lists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await RunAsync(database);
        var actor = new AuditActor(Guid.NewGuid(), "rina.operator");

        await using (var db = database.NewContext())
        {
            var reviews = new ReviewService(db, new AuditLog(db, time, new HttpContextAccessor()), time);
            var pairs = await db.Set<VerificationPair>().AsNoTracking().Where(p => p.RunId == first).ToListAsync();
            var register = pairs.Single(p => p.ResidentId != null);
            var rows = pairs.Single(p => p.OtherRowIndex != null);

            (await reviews.DecideAsync(first, register.Index, PairDecisionKind.Duplicate, "  ", actor, false, default)).ShouldBe(DecisionOutcome.ReasonRequired);
            (await reviews.DecideAsync(first, register.Index, PairDecisionKind.Duplicate, "Tanggal lahir tertukar; KK sama", actor, false, default)).ShouldBe(DecisionOutcome.Saved);
            (await reviews.DecideAsync(first, rows.Index, PairDecisionKind.NotDuplicate, "Alamat dan tanggal lahir berbeda, dua orang", actor, false, default)).ShouldBe(DecisionOutcome.Saved);
            (await reviews.DecideAsync(first, rows.Index, PairDecisionKind.Duplicate, "berubah pikiran", actor, mayOverride: false, default)).ShouldBe(DecisionOutcome.AlreadyDecided);
        }

        await using (var db = database.NewContext())
        {
            var rows = await RowsAsync(db, first);
            Codes(rows, "2:4").ShouldContain(ReviewRules.SamePerson);
            Codes(rows, "2:4").ShouldNotContain(VerdictCodes.RegisterReview);
            Codes(rows, "2:5").ShouldContain(ReviewRules.NotDuplicate);
            Codes(rows, "2:5").ShouldNotContain(VerdictCodes.DuplicateReview);
            Codes(rows, "1:7").ShouldNotContain(VerdictCodes.DuplicateReview);
            rows["2:4"].Status.ShouldBe((int)RowStatus.Problem, "the row's NIK is still missing");
            var run = await db.VerificationRuns.SingleAsync(r => r.Id == first);
            run.ReviewCount.ShouldBe(0);
            run.CountsJson.ShouldNotBeNull().ShouldContain("\"review.same_person\":1");
            (await db.AuditEntries.CountAsync(a => a.Action == "list-verification.decide")).ShouldBe(2);
        }

        var second = await RunAsync(database);
        await using (var db = database.NewContext())
        {
            var pairs = await db.Set<VerificationPair>().Where(p => p.RunId == second).ToListAsync();
            pairs.Count.ShouldBe(2);
            pairs.ShouldAllBe(p => p.DecisionReused && p.Decision != null);
            var rows = await RowsAsync(db, second);
            Codes(rows, "2:4").ShouldContain(ReviewRules.SamePerson);
            Codes(rows, "2:5").ShouldContain(ReviewRules.NotDuplicate);
            (await db.VerificationRuns.SingleAsync(r => r.Id == second)).ReviewCount.ShouldBe(0);
        }
    }

    private async Task<int> RunAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        if (!await db.Residents.AnyAsync())
        {
            await SeedRegisterAsync(db, time.GetUtcNow());
        }

        var run = new VerificationRun { Title = "PKH dan PBI", CreatedByName = "test", CreatedAt = time.GetUtcNow(), Status = VerificationRunStatus.Running };
        run.Lists.Add(List(1, "PKH", Pkh, perFamily: true, ColumnMapping.Detect(["NIK", "NAMA", "TGL_LAHIR", "ALAMAT", "KELURAHAN"])));
        run.Lists.Add(List(2, "PBI", Pbi, perFamily: false, PbiMapping));
        db.VerificationRuns.Add(run);
        await db.SaveChangesAsync();

        var engine = new VerificationEngine(time);
        await engine.RunAsync(db, run.Id, [Source(1, "PKH", Pkh, true), Source(2, "PBI", Pbi, false, PbiMapping)], new VerificationProgress(), default);
        return run.Id;
    }

    private static VerificationList List(int number, string name, string csv, bool perFamily, ColumnMapping mapping) => new()
    {
        Number = number,
        Name = name,
        FileName = name + ".csv",
        FileSize = csv.Length,
        PaidPerFamily = perFamily,
        HeadersJson = "[]",
        MappingJson = mapping.ToJson(),
    };

    private static async Task<Dictionary<string, VerificationRow>> RowsAsync(AdmindukDbContext db, int runId) =>
        await db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == runId)
            .ToDictionaryAsync(r => VerificationEngine.RowLabel(r.ListNumber, r.Line));

    private static string[] Codes(Dictionary<string, VerificationRow> rows, string label) => rows[label].Codes.Split(' ');
}

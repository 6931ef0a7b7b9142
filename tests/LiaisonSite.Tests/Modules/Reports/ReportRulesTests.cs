using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Reports.Figures;
using Liaison.Reports.Parts;
using Liaison.Talks.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>The rules of a quarterly report: pre-filled figures frozen at submission, one per quarter, the review route, locking.</summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportRulesTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private async Task<QuarterlyReportPart> StoredAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest);
        return item!.As<QuarterlyReportPart>();
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Figures_ArePrefilledFromTheQuartersRecords_AndFrozenAtSubmission()
    {
        var member1 = await site.MemberIdAsync("D102");
        var latest = await site.WithDbAsync(db => db.Set<TalkIndex>().Where(t => t.Latest && t.MemberId == member1 && t.Date != null)
            .OrderByDescending(t => t.Date).FirstAsync(Ct));
        var quarter = SchoolPeriod.QuarterOf(latest.Date!.Value);
        var expectedTalks = await site.WithDbAsync(db => db.Set<TalkIndex>()
            .CountAsync(t => t.Latest && t.MemberId == member1 && t.Date >= quarter.Start && t.Date < quarter.End, Ct));
        var expectedMandatory = await site.WithDbAsync(db => db.Set<TalkObligation>()
            .CountAsync(o => o.MemberId == member1 && o.DueDate >= quarter.Start && o.DueDate < quarter.End && o.ClosedDate != null && o.ClosedDate <= o.DueDate, Ct));
        var client = await site.SignInAsync("member1");

        // The form shows the live figures before anything is handed in.
        var form = await client.GetStringAsync($"/admin/my-work/reports/new?quarter={quarter.Key}", Ct);
        Assert.Contains($"data-figure=\"talks\">{expectedTalks}<", form);

        var id = await ReportsSite.HandInAsync(client, quarter.Key);
        var stored = await StoredAsync(id);
        Assert.True(expectedTalks > 0, "the demo gives member1 talks");
        Assert.Equal(expectedTalks, stored.Figures.TalksByOccasion.Sum());
        Assert.Equal(expectedMandatory, stored.Figures.MandatoryOnTime);
        Assert.NotNull(stored.FirstSubmittedUtc);

        // A talk recorded afterwards changes the live figures, not the report as handed in.
        var talk = new JsonObject
        {
            ["ContentType"] = "Talk",
            ["Published"] = true,
            ["TalkPart"] = new JsonObject
            {
                ["MemberId"] = member1, ["PersonId"] = latest.PersonId, ["Date"] = latest.Date!.Value.ToString("yyyy-MM-dd"),
                ["Occasion"] = 0, ["Summary"] = "补记一次谈心。",
            },
        };
        var saved = await client.PostAsJsonAsync("/api/content", talk, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var live = await scope.ServiceProvider.GetRequiredService<ReportFiguresService>().ForMemberAsync(member1, quarter.Start, quarter.End, Ct);
        Assert.Equal(expectedTalks + 1, live.Talks);
        Assert.Equal(expectedTalks, (await StoredAsync(id)).Figures.Talks);
    }

    [Fact]
    public async Task OneReportPerMemberAndQuarter_TheSecondIsRefusedWithAMessage()
    {
        var client = await site.SignInAsync("member1");
        await ReportsSite.HandInAsync(client, "2022-Q3");

        var body = await ProblemAsync(await client.PostAsJsonAsync("/api/content", ReportsSite.Report("2022-Q3"), Ct));

        Assert.Contains("QuarterlyReportPart.Quarter", body);
        Assert.Contains("已有汇报", body);
        Assert.Equal(1, (await site.WithDbAsync(db => db.Set<Liaison.Reports.Data.QuarterlyReportIndex>()
            .CountAsync(r => r.Latest && r.Quarter == "2022-Q3" && r.BranchId == "branch-1", Ct))));
    }

    [Fact]
    public async Task TheNewForm_OfAQuarterAlreadyReported_OpensThatReport()
    {
        var client = await site.SignInAsync("member1");
        var id = await ReportsSite.HandInAsync(client, "2021-Q2");

        var page = await client.GetAsync("/admin/my-work/reports/new?quarter=2021-Q2", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/admin/my-work/reports/{id}", page.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("2999-Q1", "尚未开始")]
    [InlineData("2026-Q9", "请选择汇报的季度")]
    [InlineData("", "请选择汇报的季度")]
    public async Task AQuarterNotBegunOrMalformed_IsRefused(string quarter, string message)
    {
        var body = await ProblemAsync(await (await site.SignInAsync("member1")).PostAsJsonAsync("/api/content", ReportsSite.Report(quarter), Ct));

        Assert.Contains(message, body);
    }

    [Fact]
    public async Task AMember_WritesOnlyTheirOwnReport_AndCannotApproveItThemselves()
    {
        var client = await site.SignInAsync("member1");
        var member3 = await site.MemberIdAsync("D202");

        var other = await ProblemAsync(await client.PostAsJsonAsync("/api/content", ReportsSite.Report("2022-Q4", memberId: member3), Ct));
        var published = await client.PostAsJsonAsync("/api/content", ReportsSite.Report("2021-Q1", published: true), Ct);

        Assert.Contains("只能填写本人的季度汇报", other);
        Assert.Equal(HttpStatusCode.Forbidden, published.StatusCode);
    }

    [Fact]
    public async Task Submitted_IsLockedWhileUnderReview_Returned_IsEditable_Approved_IsLockedEvenThroughTheApi()
    {
        var member1 = await site.SignInAsync("member1");
        var secretary1 = await site.SignInAsync("secretary1");
        var id = await ReportsSite.HandInAsync(member1, "2022-Q1");
        var task = await site.OpenTaskAsync(id);

        // Waiting for the secretary: no change.
        var waiting = await ProblemAsync(await member1.PostAsJsonAsync("/api/content", Revised(id, "第一次修改"), Ct));
        Assert.Contains("正在等待支部书记审阅", waiting);

        // Returned with a comment: the member sees it and may revise; the revision goes back to the secretary.
        Assert.Equal(HttpStatusCode.Redirect, (await ReportsSite.DecideAsync(secretary1, task, "退回", "请补充帮扶学生的变化。")).StatusCode);
        var returned = await member1.GetStringAsync($"/admin/my-work/reports/{id}", Ct);
        Assert.Contains("请补充帮扶学生的变化。", returned);
        Assert.Contains("已退回", returned);
        var resubmit = await member1.PostAsJsonAsync("/api/content", Revised(id, "补充：学生成绩进步明显。"), Ct);
        Assert.Equal(HttpStatusCode.OK, resubmit.StatusCode);
        var second = await site.OpenTaskAsync(id);
        Assert.NotEqual(task, second);

        // Approved: published and locked, whatever the way in.
        Assert.Equal(HttpStatusCode.Redirect, (await ReportsSite.DecideAsync(secretary1, second, "通过")).StatusCode);
        await site.WaitUntilPublishedAsync(id);
        var locked = await ProblemAsync(await member1.PostAsJsonAsync("/api/content", Revised(id, "通过后再改"), Ct));
        Assert.Contains("已审阅通过并锁定", locked);
        Assert.Equal("补充：学生成绩进步明显。", (await StoredAsync(id)).WorkDone);
        var page = await member1.GetStringAsync($"/admin/my-work/reports/{id}", Ct);
        Assert.Contains("已通过", page);
        Assert.DoesNotContain("修改后重新提交</button>", page);
        Assert.Contains("请补充帮扶学生的变化。", page); // the journal keeps the return and its comment
    }

    [Fact]
    public async Task ADraft_IsInNoInbox_AndStaysEditable_HandingItIn_PutsItInTheSecretarysInbox()
    {
        const string quarter = "2019-Q4";
        var member1 = await site.SignInAsync("member1");
        var secretary1 = await site.SignInAsync("secretary1");

        // Saved as a draft, even without the work done written: the member's own, no workflow, no task.
        var created = await ReportsSite.SaveFormAsync(member1, $"/admin/my-work/reports/new?quarter={quarter}", "/admin/my-work/reports/new", handIn: false, workDone: "", quarter: quarter);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = page.Split('/').Last();
        await site.WaitUntilDeliveredAsync(id);
        Assert.False(await site.WithDbAsync(db => db.Set<Liaison.Workflows.Data.WorkflowInstance>().AnyAsync(i => i.CorrelationId == id, Ct)));
        Assert.False(await site.WithDbAsync(db => db.Set<Liaison.Workflows.Data.WorkflowTask>().AnyAsync(t => t.ContentItemId == id, Ct)));
        var title = await site.WithDbAsync(db => db.ContentItems.Where(c => c.ContentItemId == id && c.Latest).Select(c => c.DisplayText).FirstAsync(Ct));
        Assert.DoesNotContain(title!, await secretary1.GetStringAsync("/admin/inbox", Ct));
        var draft = await member1.GetStringAsync(page, Ct);
        Assert.Contains("草稿（未提交）", draft);
        Assert.Contains("保存草稿", draft);

        // Still editable: a second draft save changes it and still hands nothing in.
        Assert.Equal(HttpStatusCode.Redirect, (await ReportsSite.SaveFormAsync(member1, page, page, handIn: false, workDone: "草稿：走访了两户学生家庭。")).StatusCode);
        await site.WaitUntilDeliveredAsync(id);
        Assert.Equal("草稿：走访了两户学生家庭。", (await StoredAsync(id)).WorkDone);
        Assert.Null((await StoredAsync(id)).FirstSubmittedUtc);
        Assert.False(await site.WithDbAsync(db => db.Set<Liaison.Workflows.Data.WorkflowTask>().AnyAsync(t => t.ContentItemId == id, Ct)));
        Assert.Contains("草稿：走访了两户学生家庭。", await member1.GetStringAsync(page, Ct));

        // Handing in needs the work done; then it goes to the secretary and is locked.
        var empty = await ReportsSite.SaveFormAsync(member1, page, page, handIn: true, workDone: "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写本季度开展的工作。", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await ReportsSite.SaveFormAsync(member1, page, page, handIn: true, workDone: "走访了两户学生家庭，谈心三次。")).StatusCode);
        await site.OpenTaskAsync(id);
        Assert.Contains(title!, await secretary1.GetStringAsync("/admin/inbox", Ct));
        Assert.NotNull((await StoredAsync(id)).FirstSubmittedUtc);
        Assert.Contains("已提交", await member1.GetStringAsync(page, Ct));
        var locked = await ReportsSite.SaveFormAsync(member1, page, page, handIn: false, workDone: "提交后再改");
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("该汇报正在等待支部书记审阅", await locked.Content.ReadAsStringAsync(Ct));
        Assert.Equal("走访了两户学生家庭，谈心三次。", (await StoredAsync(id)).WorkDone);
    }

    [Fact]
    public async Task ADraftSavedThroughTheApi_IsNotHandedIn()
    {
        var member1 = await site.SignInAsync("member1");
        var response = await member1.PostAsJsonAsync("/api/content", ReportsSite.Report("2019-Q3", handIn: false), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContentItemId"]!.GetValue<string>();
        var row = (await site.RowsAsync([id])).Single();
        Assert.Null(row.FirstSubmittedUtc);
        Assert.Equal(0, row.HandIns);
        await site.WaitUntilDeliveredAsync(id);
        Assert.False(await site.WithDbAsync(db => db.Set<Liaison.Workflows.Data.WorkflowTask>().AnyAsync(t => t.ContentItemId == id, Ct)));
    }

    [Fact]
    public async Task TheUpgrade_MovesAStoredReviewType_FromTheDraftSavedEvent_ToTheHandInSignal()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // A site set up before: the type started on every saved draft.
            var store = scope.ServiceProvider.GetRequiredService<Liaison.Workflows.Definitions.WorkflowTypeStore>();
            var old = (await store.GetAsync("quarterly-report-review", Ct))!;
            foreach (var activity in old.Activities.Where(a => a.Name == "SignalEvent"))
            {
                activity.Name = "ContentDraftSavedEvent";
                activity.Properties.Remove("Signal");
                activity.Properties["ContentTypes"] = new JsonArray("QuarterlyReport");
            }

            await store.SaveAsync(old, Ct);
            await scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>().SaveChangesAsync(Ct);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await new Liaison.Reports.Upgrades.HandInStartsReview().RunAsync(new LiaisonSite.Core.Upgrades.UpgradeContext(scope.ServiceProvider), Ct);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var type = (await scope.ServiceProvider.GetRequiredService<Liaison.Workflows.Definitions.WorkflowTypeStore>().GetAsync("quarterly-report-review", Ct))!;
            Assert.True(type.IsEnabled);
            Assert.DoesNotContain(type.Activities, a => a.Name == "ContentDraftSavedEvent");
            var start = Assert.Single(type.Activities, a => a.IsStart);
            Assert.Equal(("report-submitted", "SignalEvent", "QuarterlyReportHandedIn"), (start.ActivityId, start.Name, start.Text("Signal")));
            Assert.Equal("SignalEvent", type.Activity("report-revised")!.Name); // same ids: halted instances resume on the signal
        }
    }

    private static JsonObject Revised(string id, string workDone)
    {
        var body = ReportsSite.Report("2022-Q1", workDone);
        body["ContentItemId"] = id;
        return body;
    }
}

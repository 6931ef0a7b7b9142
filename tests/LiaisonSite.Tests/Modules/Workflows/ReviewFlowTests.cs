using System.Net;
using System.Text.RegularExpressions;
using Liaison.Workflows.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>
/// The editorial review through HTTP with real accounts: editor1 hands in, secretary1 (branch 1) returns with a
/// comment, editor1 revises, committee1 approves (twice at once: one decision counts), the public sees it. Tasks are
/// offered in the item's branch only.
/// </summary>
public sealed partial class ReviewFlowTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Organization.OrganizationSeed.EnsureDemoMembersAsync(site.Services);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Review_ReturnedWithAComment_RevisedAndApproved_IsPublished_AndEachDecisionCountsOnce()
    {
        var editor = await site.SignInAsync("editor1");
        var title = "审核流程 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateDraftAsync(editor, title, "branch-1");
        var first = await WaitForOpenTaskAsync(id, previous: null);
        Assert.Equal("branch-1", first.BranchId);

        // secretary1 returns it; without a comment that is refused and nothing changes.
        var secretary = await site.SignInAsync("secretary1");
        Assert.Contains(title, await secretary.GetStringAsync("/admin/inbox", Ct));
        var refused = await DecideAsync(secretary, first.Id, "退回", "");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请填写意见", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(WorkflowTaskStatus.Open, (await TaskAsync(first.Id)).Status);

        const string comment = "请补充活动的具体时间和参与人数。";
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(secretary, first.Id, "退回", comment)).StatusCode);

        var returned = await TaskAsync(first.Id);
        Assert.Equal(("退回", comment, "secretary1"), (returned.Outcome, returned.Comment, returned.DecidedBy));
        Assert.Contains(await JournalAsync(returned.WorkflowInstanceId), j => j.Outcome == "退回" && j.Comment == comment && j.UserName == "secretary1");
        Assert.Contains(await NotificationsAsync("editor1"), n => n.Body.Contains(comment, StringComparison.Ordinal));
        var mine = await editor.GetStringAsync("/admin/inbox", Ct);
        Assert.Contains(comment, mine);
        Assert.False(await IsPublishedAsync(id));

        // editor1 revises: the next draft goes back to review.
        await SaveDraftAsync(editor, id, title + "（修改）");
        var second = await WaitForOpenTaskAsync(id, previous: first.Id);

        // committee1 approves from two tabs at once: one decision is saved.
        var tab1 = await site.SignInAsync("committee1");
        var tab2 = await site.SignInAsync("committee1");
        var token1 = SiteFactory.AntiforgeryToken(await tab1.GetStringAsync($"/admin/inbox/{second.Id}", Ct));
        var token2 = SiteFactory.AntiforgeryToken(await tab2.GetStringAsync($"/admin/inbox/{second.Id}", Ct));
        var answers = await Task.WhenAll(Post(tab1, second.Id, token1), Post(tab2, second.Id, token2));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(await JournalAsync(second.WorkflowInstanceId), j => j.Outcome == "通过");
        Assert.Single(await JournalAsync(second.WorkflowInstanceId), j => j.ActivityId == "review-publish");
        var instance = await InstanceAsync(second.WorkflowInstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.True(await IsPublishedAsync(id));

        var path = await PathAsync(id);
        var visitor = site.CreateClient();
        Assert.Contains(title + "（修改）", await visitor.GetStringAsync("/" + path.TrimStart('/'), Ct));

        Task<HttpResponseMessage> Post(HttpClient client, long taskId, string token) => client.PostAsync($"/admin/inbox/{taskId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "通过", ["comment"] = "", ["__RequestVerificationToken"] = token }), Ct);
    }

    [Fact]
    public async Task TheItemsEditorPage_ShowsTheReviewState_TheLastDecisionWithItsComment_AndTheTaskLinkToThoseItIsOfferedTo()
    {
        var editor = await site.SignInAsync("editor1");
        var title = "编辑页审核状态 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateDraftAsync(editor, title, "branch-1");
        var first = await WaitForOpenTaskAsync(id, previous: null);
        var secretary = await site.SignInAsync("secretary1");
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        // Waiting: the author sees 待审核 without a link to decide; whoever the task is offered to gets the link.
        var waiting = await editor.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        Assert.Contains("data-workflow-state=\"open\"", waiting);
        Assert.Contains("待审核", waiting);
        Assert.DoesNotContain($"href=\"/admin/inbox/{first.Id}\"", waiting);
        Assert.Contains($"href=\"/admin/inbox/{first.Id}\"", await admin.GetStringAsync($"/admin/contents/{id}/edit", Ct));

        // Returned with a comment.
        const string comment = "标题请写得更具体一些。";
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(secretary, first.Id, "退回", comment)).StatusCode);
        var returned = await editor.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        Assert.Contains("data-workflow-state=\"退回\"", returned);
        Assert.Contains("已退回", returned);
        Assert.Contains(comment, returned);
        Assert.Contains("secretary1", returned);

        // Handed in again: waiting, and the last decision with its comment stays in view.
        await SaveDraftAsync(editor, id, title + "（修改）");
        var second = await WaitForOpenTaskAsync(id, previous: first.Id);
        var again = await editor.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        Assert.Contains("data-workflow-state=\"open\"", again);
        Assert.Contains(comment, again);

        // Approved.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(await site.SignInAsync("committee1"), second.Id, "通过", "")).StatusCode);
        var approved = await editor.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        Assert.Contains("data-workflow-state=\"通过\"", approved);
        Assert.Contains("已通过", approved);

        // An item without a review shows no review state.
        Assert.DoesNotContain("data-workflow-state", await admin.GetStringAsync("/admin/contents/page-about/edit", Ct));
    }

    [Fact]
    public async Task ANewTask_RingsTheBellOfTheCommittee_WhateverTheirOwnBranch_AndOfThatBranchsSecretaryOnly()
    {
        string? committeeBranch;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var roster = scope.ServiceProvider.GetRequiredService<Liaison.Organization.Contracts.IRosterQueries>();
            committeeBranch = await roster.Members().Where(m => m.UserName == "committee1").Select(m => m.BranchId).FirstOrDefaultAsync(Ct);
        }

        // A branch committee1 is no member of: the committee decides in every branch, so its bell rings anyway.
        var (branch, secretary, otherSecretary) = committeeBranch == "branch-2" ? ("branch-1", "secretary1", "secretary2") : ("branch-2", "secretary2", "secretary1");
        var title = "提醒审核 " + Guid.NewGuid().ToString("N")[..6];
        await WaitForOpenTaskAsync(await CreateDraftAsync(await site.SignInAsync("editor1"), title, branch), previous: null);

        bool Rang(List<UserNotification> list) => list.Any(n => n.Url == "/admin/inbox" && n.Body.Contains(title, StringComparison.Ordinal));
        Assert.True(Rang(await NotificationsAsync("committee1")));
        Assert.True(Rang(await NotificationsAsync(secretary)));
        Assert.False(Rang(await NotificationsAsync(otherSecretary)));

        // Written after commit by the outbox's handler, outside any request: in the site's language (zh-CN).
        var told = (await NotificationsAsync(secretary)).First(n => n.Url == "/admin/inbox" && n.Body.Contains(title, StringComparison.Ordinal));
        Assert.StartsWith("待您处理：", told.Subject);
        Assert.Contains("在待办任务中等待您处理", told.Body);
    }

    [Fact]
    public async Task Inbox_OffersATask_OnlyToItsBranchsSecretary_AndToTheCommittee()
    {
        var editor = await site.SignInAsync("editor1");
        var one = "一支部的稿件 " + Guid.NewGuid().ToString("N")[..6];
        var two = "二支部的稿件 " + Guid.NewGuid().ToString("N")[..6];
        var oneTask = await WaitForOpenTaskAsync(await CreateDraftAsync(editor, one, "branch-1"), null);
        var twoTask = await WaitForOpenTaskAsync(await CreateDraftAsync(editor, two, "branch-2"), null);

        var secretary1 = await site.SignInAsync("secretary1");
        var secretary2 = await site.SignInAsync("secretary2");
        var committee = await site.SignInAsync("committee1");
        var inbox1 = await secretary1.GetStringAsync("/admin/inbox", Ct);
        var inbox2 = await secretary2.GetStringAsync("/admin/inbox", Ct);
        var inboxCommittee = await committee.GetStringAsync("/admin/inbox", Ct);

        Assert.Contains(one, inbox1);
        Assert.DoesNotContain(two, inbox1);
        Assert.Contains(two, inbox2);
        Assert.DoesNotContain(one, inbox2);
        Assert.Contains(one, inboxCommittee);
        Assert.Contains(two, inboxCommittee);

        // Not offered is not found, for opening and for deciding; and nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary2.GetAsync($"/admin/inbox/{oneTask.Id}", Ct)).StatusCode);
        var token = SiteFactory.AntiforgeryToken(await secretary2.GetStringAsync($"/admin/inbox/{twoTask.Id}", Ct));
        var post = await secretary2.PostAsync($"/admin/inbox/{oneTask.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "通过", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(WorkflowTaskStatus.Open, (await TaskAsync(oneTask.Id)).Status);

        // The admin bar counts the waiting tasks.
        Assert.Matches(OpenTasksBadge(), inbox1);

        // An editor holds neither role: no task is offered.
        Assert.DoesNotContain(one, (await editor.GetStringAsync("/admin/inbox", Ct)).Split("What I handed in")[0].Split("我提交的内容")[0]);
    }

    [Fact]
    public async Task DeletingAnItemUnderReview_TakesItsTaskOutOfTheInboxes()
    {
        var editor = await site.SignInAsync("editor1");
        var title = "删除的稿件 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateDraftAsync(editor, title, "branch-1");
        var task = await WaitForOpenTaskAsync(id, null);

        var deleted = await SiteFactory.PostFormAsync(editor, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        for (var attempt = 0; attempt < 300 && (await TaskAsync(task.Id)).Status == WorkflowTaskStatus.Open; attempt++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(WorkflowTaskStatus.Cancelled, (await TaskAsync(task.Id)).Status);
        Assert.Equal(WorkflowStatus.Finished, (await InstanceAsync(task.WorkflowInstanceId)).Status);
        Assert.DoesNotContain(title, await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/inbox", Ct));
        Assert.Contains("已撤销", await editor.GetStringAsync("/admin/inbox", Ct));
    }

    [Fact]
    public async Task DirectPublish_OfAReviewedType_IsRefused_WhenTheSiteSettingSaysSo()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var editor = await site.SignInAsync("editor1");
        var committee = await site.SignInAsync("committee1");
        await SetDirectPublishingAsync(admin, false);
        try
        {
            var title = "直接发布 " + Guid.NewGuid().ToString("N")[..6];
            var refused = await SiteFactory.PostFormAsync(editor, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample/publish", Fields(title, "branch-1"));
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("须经审核后发布", await refused.Content.ReadAsStringAsync(Ct));
            Assert.False(await ExistsAsync(title));

            // The committee keeps direct publishing.
            var allowed = await SiteFactory.PostFormAsync(committee, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample/publish", Fields(title + "党委", "branch-1"));
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }
        finally
        {
            await SetDirectPublishingAsync(admin, true);
        }

        var again = await SiteFactory.PostFormAsync(editor, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample/publish", Fields("允许直接发布 " + Guid.NewGuid().ToString("N")[..6], "branch-1"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private static async Task SetDirectPublishingAsync(HttpClient admin, bool allow)
    {
        var fields = new Dictionary<string, string>();
        if (allow)
        {
            fields["allowDirectPublishing"] = "true";
        }

        var response = await SiteFactory.PostFormAsync(admin, "/admin/workflows", "/admin/workflows/settings", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    internal static Dictionary<string, string> Fields(string title, string branch) => new()
    {
        ["TitlePart.Title"] = title,
        ["TypicalExample.Summary.Text"] = "党员教师结对帮扶，学生成绩和信心都有提升。",
        ["TypicalExample.Branch.ContentItemIds"] = branch,
        ["HtmlBodyPart.Html"] = $"<p>{title}的正文。</p>",
    };

    private static async Task<string> CreateDraftAsync(HttpClient client, string title, string branch)
    {
        var response = await SiteFactory.PostFormAsync(client, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample", Fields(title, branch));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"Unexpected redirect {response.Headers.Location}");
        return match.Groups[1].Value;
    }

    private static async Task SaveDraftAsync(HttpClient client, string id, string title)
    {
        var page = await client.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        var fields = Fields(title, "branch-1");
        fields["concurrencyStamp"] = StampInput().Match(page).Groups[1].Value;
        fields["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(page);
        var response = await client.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, long taskId, string decision, string comment)
        => await SiteFactory.PostFormAsync(client, $"/admin/inbox/{taskId}", $"/admin/inbox/{taskId}", new() { ["decision"] = decision, ["comment"] = comment });

    /// <summary>The review starts after the save commits (the kernel delivers the event off the request): wait for its task.</summary>
    private async Task<WorkflowTask> WaitForOpenTaskAsync(string contentItemId, long? previous)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using (var scope = site.Services.CreateAsyncScope())
            {
                var task = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTask>().AsNoTracking()
                    .Where(t => t.ContentItemId == contentItemId && t.Status == WorkflowTaskStatus.Open && (previous == null || t.Id != previous))
                    .FirstOrDefaultAsync(Ct);
                if (task is not null)
                {
                    return task;
                }
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"No review task for {contentItemId}.");
    }

    private async Task<WorkflowTask> TaskAsync(long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTask>().AsNoTracking().SingleAsync(t => t.Id == id, Ct);
    }

    private async Task<WorkflowInstance> InstanceAsync(long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == id, Ct);
    }

    private async Task<List<WorkflowJournalEntry>> JournalAsync(long instanceId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowJournalEntry>().AsNoTracking()
            .Where(j => j.WorkflowInstanceId == instanceId).ToListAsync(Ct);
    }

    private async Task<List<UserNotification>> NotificationsAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>().AsNoTracking()
            .Where(n => n.UserId == user!.Id).ToListAsync(Ct);
    }

    private async Task<bool> IsPublishedAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AnyAsync(c => c.ContentItemId == id && c.Published, Ct);
    }

    private async Task<bool> ExistsAsync(string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AnyAsync(c => c.DisplayText == title, Ct);
    }

    private async Task<string> PathAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published);
        return item!.Content["AutoroutePart"]!["Path"]!.GetValue<string>();
    }

    [GeneratedRegex("/admin/contents/([^/]+)/edit")]
    private static partial Regex EditUrl();

    [GeneratedRegex("name=\"concurrencyStamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampInput();

    [GeneratedRegex("data-open-tasks=\"[1-9]")]
    private static partial Regex OpenTasksBadge();
}

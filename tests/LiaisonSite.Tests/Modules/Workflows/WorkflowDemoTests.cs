using Liaison.Workflows.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>The demo site shows review instances in every state, made by driving the engine (WorkflowDemo step).</summary>
public sealed class WorkflowDemoTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemo_HasAReviewWaiting_OneReturnedWithAComment_OneApproved_AndOneFaulted()
    {
        // The decisions are made after the recipe commits (outbox): wait until they are.
        var (waiting, returned, approved, faulted) = await StatesAsync();

        Assert.Equal(WorkflowStatus.Halted, waiting.Status);
        Assert.Equal(WorkflowStatus.Halted, returned.Status);
        Assert.Equal(WorkflowStatus.Finished, approved.Status);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal("repost-create", faulted.FaultedActivityId);
        Assert.False(string.IsNullOrWhiteSpace(faulted.FaultMessage));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var returnedTask = await db.Set<WorkflowTask>().AsNoTracking().SingleAsync(t => t.ContentItemId == "news-review-returned", Ct);
            Assert.Equal(("退回", "secretary1"), (returnedTask.Outcome, returnedTask.DecidedBy));
            Assert.Contains("请补充走访的时间", returnedTask.Comment);
            Assert.True(await db.ContentItems.AnyAsync(c => c.ContentItemId == "news-review-approved" && c.Published, Ct));
            Assert.False(await db.ContentItems.AnyAsync(c => c.ContentItemId == "news-review-returned" && c.Published, Ct));
        }

        // 待审核 in secretary1's and committee1's inbox; not in secretary2's (another branch).
        const string title = "第一党支部开展“师徒结对”经验交流会";
        Assert.Contains(title, await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/inbox", Ct));
        Assert.Contains(title, await (await site.SignInAsync("committee1")).GetStringAsync("/admin/inbox", Ct));
        Assert.DoesNotContain(title, await (await site.SignInAsync("secretary2")).GetStringAsync("/admin/inbox", Ct));

        // The faulted one shows its error and offers a retry.
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var page = await admin.GetStringAsync($"/admin/workflows/instances/{faulted.Id}", Ct);
        Assert.Contains($"/admin/workflows/instances/{faulted.Id}/retry", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(faulted.FaultMessage!).Split(':')[0], page);
    }

    private async Task<(WorkflowInstance Waiting, WorkflowInstance Returned, WorkflowInstance Approved, WorkflowInstance Faulted)> StatesAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using (var scope = site.Services.CreateAsyncScope())
            {
                var instances = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowInstance>().AsNoTracking()
                    .Where(i => i.CorrelationId == "news-review-waiting" || i.CorrelationId == "news-review-returned"
                        || i.CorrelationId == "news-review-approved" || i.WorkflowTypeId == "demo-campus-repost")
                    .ToListAsync(Ct);
                var returned = instances.FirstOrDefault(i => i.CorrelationId == "news-review-returned" && i.BlockingActivities.Contains("review-resubmitted"));
                var approved = instances.FirstOrDefault(i => i.CorrelationId == "news-review-approved" && i.Status == WorkflowStatus.Finished);
                var waiting = instances.FirstOrDefault(i => i.CorrelationId == "news-review-waiting");
                var faulted = instances.FirstOrDefault(i => i.WorkflowTypeId == "demo-campus-repost");
                if (waiting is not null && returned is not null && approved is not null && faulted is not null)
                {
                    return (waiting, returned, approved, faulted);
                }
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The demo's workflow states did not appear.");
    }
}

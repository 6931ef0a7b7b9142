using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using Liaison.Reports.Data;
using Liaison.Workflows.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// The demo site for the reports classes. Each test writes reports of its own quarter (any quarter that has begun
/// may be reported), so tests sharing the site never meet on one member and quarter.
/// </summary>
public sealed class ReportsSite : SiteFactory, IAsyncLifetime
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await OrganizationSeed.EnsureDemoMembersAsync(Services);

    public async Task<T> WithDbAsync<T>(Func<LiaisonDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    public Task<int> MemberIdAsync(string number)
        => WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Number == number).Select(m => m.Id).FirstAsync(Ct));

    /// <summary>A report as the API takes it; <paramref name="handIn"/> hands it in (else it is saved as a draft).</summary>
    public static JsonObject Report(string quarter, string workDone = "走访了三名学生家庭，谈心五次。", int? memberId = null, bool published = false, bool handIn = true)
    {
        var part = new JsonObject
        {
            ["HandIn"] = handIn,
            ["Quarter"] = quarter,
            ["WorkDone"] = workDone,
            ["Problems"] = "个别学生学习困难，已安排结对帮学。",
            ["Cases"] = "一名青年教师在帮助下站稳讲台。",
            ["NextPlan"] = "继续开展谈心谈话。",
        };
        if (memberId is not null)
        {
            part["MemberId"] = memberId;
        }

        return new JsonObject { ["ContentType"] = "QuarterlyReport", ["Published"] = published, ["QuarterlyReportPart"] = part };
    }

    /// <summary>Hands in a report through the API; returns its id (the answer must be 201).</summary>
    public static async Task<string> HandInAsync(HttpClient client, string quarter, string workDone = "走访了三名学生家庭，谈心五次。")
    {
        var response = await client.PostAsJsonAsync("/api/content", Report(quarter, workDone), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContentItemId"]!.GetValue<string>();
    }

    /// <summary>The open review task of the item, once the save's event is delivered (after commit, off the request).</summary>
    public async Task<long> OpenTaskAsync(string contentItemId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var id = await WithDbAsync(db => db.Set<WorkflowTask>()
                .Where(t => t.ContentItemId == contentItemId && t.Status == WorkflowTaskStatus.Open).Select(t => (long?)t.Id).FirstOrDefaultAsync(Ct));
            if (id is not null)
            {
                return id.Value;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"No review task was opened for {contentItemId}.");
    }

    /// <summary>A decision from the task page, as the inbox's form posts it.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, long taskId, string decision, string? comment = null)
        => await PostFormAsync(client, $"/admin/inbox/{taskId}", $"/admin/inbox/{taskId}", new()
        {
            ["decision"] = decision,
            ["comment"] = comment ?? "",
        });

    /// <summary>Waits until every event raised about the item so far has been delivered (its workflows have run).</summary>
    public async Task WaitUntilDeliveredAsync(string contentItemId)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (!await WithDbAsync(db => db.Set<LiaisonSite.Core.Events.OutboxEvent>()
                    .AnyAsync(e => e.DispatchedUtc == null && e.Payload.Contains(contentItemId), Ct)))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"The events of {contentItemId} were not delivered.");
    }

    /// <summary>The member's report form as 我的联系工作 posts it: <paramref name="handIn"/> is 提交审核, else 保存草稿.</summary>
    public static Task<HttpResponseMessage> SaveFormAsync(HttpClient client, string formPage, string action, bool handIn, string workDone, string? quarter = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["QuarterlyReportPart.WorkDone"] = workDone,
            ["QuarterlyReportPart.Problems"] = "草稿里的问题。",
            ["handIn"] = handIn ? "1" : "0",
        };
        if (quarter is not null)
        {
            fields["QuarterlyReportPart.Quarter"] = quarter;
        }

        return PostFormAsync(client, formPage, action, fields);
    }

    public async Task WaitUntilPublishedAsync(string contentItemId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await WithDbAsync(db => db.Set<QuarterlyReportIndex>().AnyAsync(r => r.ContentItemId == contentItemId && r.Published, Ct)))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"{contentItemId} was not approved.");
    }

    /// <summary>The ids the API lists: approved (published) reports, or with <paramref name="latest"/> every report's latest version.</summary>
    public static async Task<List<string>> ApiIdsAsync(HttpClient client, bool latest = true)
    {
        var json = (await client.GetFromJsonAsync<JsonObject>("/api/content?type=QuarterlyReport&pageSize=100" + (latest ? "&status=latest" : ""), Ct))!;
        return [.. json["items"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>())];
    }

    public Task<List<QuarterlyReportIndex>> RowsAsync(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return WithDbAsync(db => db.Set<QuarterlyReportIndex>().AsNoTracking().Where(r => r.Latest && list.Contains(r.ContentItemId)).ToListAsync(Ct));
    }
}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsSite>
{
    public const string Name = "Reports";
}

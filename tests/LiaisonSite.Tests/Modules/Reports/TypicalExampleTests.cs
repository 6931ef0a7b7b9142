using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using Liaison.Workflows.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// R11: from an approved report, a talk or a forum, secretary1 starts a TypicalExample draft pre-filled from it; no
/// contact target's name, phone or identity number reaches the draft, which the editorial review takes up. Members are
/// refused; a report not yet approved is not found.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class TypicalExampleTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private const string Phone = "13812345678";
    private const string IdCard = "11010519491231002X";

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string source, string id, string formPage = "/admin/reports")
        => SiteFactory.PostFormAsync(client, formPage, "/admin/reports/examples", new() { ["source"] = source, ["id"] = id });

    private async Task<(string Id, string Json, bool Published)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/contents/[^/]+/edit$", location);
        var id = location.Split('/')[3];
        var item = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(c => c.ContentItemId == id && c.Latest, Ct));
        Assert.Equal("TypicalExample", item.ContentType);
        return (id, item.Content.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), item.Published);
    }

    [Fact]
    public async Task TheTalksEditor_OffersTheSecretaryToStartATypicalExample_AndTheButtonWorks_MembersAreNotOffered()
    {
        const string Talk = "talk-d102-j002"; // the demo's talk of member1 (branch 1)
        var secretary = await site.SignInAsync("secretary1");
        var editor = await secretary.GetStringAsync($"/admin/contents/{Talk}/edit", Ct);

        Assert.Contains("data-item-actions", editor);
        Assert.Contains("action=\"/admin/reports/examples\"", editor);
        Assert.Contains("name=\"source\" value=\"talk\"", editor);
        Assert.Contains($"name=\"id\" value=\"{Talk}\"", editor);
        Assert.Contains("生成典型事例", editor);

        // The button posts from the editor page itself.
        var (_, json, published) = await CreatedAsync(await StartAsync(secretary, "talk", Talk, $"/admin/contents/{Talk}/edit"));
        Assert.False(published);
        Assert.Contains("TypicalExample", json, StringComparison.Ordinal);

        // member1 edits her own talk, but starting typical examples is not hers.
        var own = await (await site.SignInAsync("member1")).GetStringAsync($"/admin/contents/{Talk}/edit", Ct);
        Assert.DoesNotContain("/admin/reports/examples", own);
    }

    [Fact]
    public async Task FromATalk_NoContactTargetsNameOrPhone_ReachesTheDraft_WhichGoesToEditorialReview()
    {
        var person = await site.WithDbAsync(db => db.Set<MassPerson>().OrderBy(p => p.Id).FirstAsync(Ct));
        var other = await site.WithDbAsync(db => db.Set<MassPerson>().OrderBy(p => p.Id).Skip(1).FirstAsync(Ct));
        var member1 = await site.MemberIdAsync("D102");
        var client = await site.SignInAsync("member1");
        var response = await client.PostAsJsonAsync("/api/content", new JsonObject
        {
            ["ContentType"] = "Talk",
            ["Published"] = true,
            ["TalkPart"] = new JsonObject
            {
                ["MemberId"] = member1, ["PersonId"] = person.Id, ["Date"] = "2025-03-03", ["Occasion"] = 0, ["Place"] = "学生宿舍 3 号楼 402",
                ["Summary"] = $"与{person.Name}谈心，了解到家庭困难，电话 {Phone}，身份证 {IdCard}；其室友{other.Name}也参加。",
                ["Problems"] = $"{person.Name}的助学金申请尚未批下。",
                ["HelpPromised"] = "协助联系学院资助办。",
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var talk = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContentItemId"]!.GetValue<string>();

        var (id, json, published) = await CreatedAsync(await StartAsync(await site.SignInAsync("secretary1"), "talk", talk));

        Assert.False(published);
        Assert.DoesNotContain(person.Name, json);
        Assert.DoesNotContain(other.Name, json);
        Assert.DoesNotContain(Phone, json);
        Assert.DoesNotContain(IdCard, json);
        Assert.DoesNotContain("402", json);
        Assert.Contains("×××", json);
        Assert.Contains("协助联系学院资助办。", json);
        Assert.Contains("branch-1", json);
        await site.WaitUntilDeliveredAsync(id);
        Assert.True(await site.WithDbAsync(db => db.Set<WorkflowInstance>().AnyAsync(i => i.CorrelationId == id && i.WorkflowTypeId == "editorial-review", Ct)));
    }

    [Fact]
    public async Task FromAnApprovedReport_OnlyOnceApproved_AndNotForMembers()
    {
        var person = await site.WithDbAsync(db => db.Set<MassPerson>().OrderBy(p => p.Id).Skip(2).FirstAsync(Ct));
        var member1 = await site.SignInAsync("member1");
        var secretary1 = await site.SignInAsync("secretary1");
        var report = await ReportsSite.HandInAsync(member1, "2018-Q4", $"帮助学生{person.Name}（电话 {Phone}）走出低谷，期末成绩进步明显。");

        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(secretary1, "report", report)).StatusCode); // not approved yet
        Assert.Equal(HttpStatusCode.Redirect, (await ReportsSite.DecideAsync(secretary1, await site.OpenTaskAsync(report), "通过")).StatusCode);
        await site.WaitUntilPublishedAsync(report);

        var refused = await StartAsync(member1, "report", report, formPage: "/admin/my-work");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("access-denied", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(secretary1, "nonsense", report)).StatusCode);

        var (_, json, published) = await CreatedAsync(await StartAsync(secretary1, "report", report));
        Assert.False(published);
        Assert.DoesNotContain(person.Name, json);
        Assert.DoesNotContain(Phone, json);
        Assert.Contains("期末成绩进步明显", json);
        Assert.Contains("2018-Q4", json);
    }
}

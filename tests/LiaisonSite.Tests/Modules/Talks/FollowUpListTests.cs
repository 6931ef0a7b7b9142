using System.Net;
using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>待办/跟进 (issue 10 item 7): one list per member and branch, scoped, filtered; closing needs a note.</summary>
[Collection(TalksCollection.Name)]
public sealed partial class FollowUpListTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    [Fact]
    public async Task Member1_SeesOnlyTheFollowUpsOfTheirOwnTalks()
    {
        var html = await (await site.SignInAsync("member1")).GetStringAsync("/admin/follow-ups?status=all", Ct);

        var keys = KeyPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var all = SourcePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(all);
        Assert.All(keys, k => Assert.StartsWith("talk-d102-", k));
        Assert.DoesNotContain("Opinion", all);
    }

    [Fact]
    public async Task Secretary1_SeesTheBranchsForumOpinions_NotAnotherBranchs_AndFiltersBySource()
    {
        var client = await site.SignInAsync("secretary1");

        var forums = await client.GetStringAsync("/admin/follow-ups?source=Forum&status=all", Ct);

        Assert.Contains("forum-branch1:", forums);
        Assert.DoesNotContain("forum-branch2:", forums);
        Assert.DoesNotContain("data-source=\"Talk\"", forums);
    }

    [Fact]
    public async Task Closing_WithoutANote_IsRefused_WithANote_ClosesTheItem()
    {
        var client = await site.SignInAsync("member1");
        var open = await client.GetStringAsync("/admin/follow-ups?source=Talk", Ct);
        var key = KeyPattern().Match(open).Groups[1].Value;
        Assert.StartsWith("talk-d102-", key);

        var refused = await SiteFactory.PostFormAsync(client, "/admin/follow-ups", "/admin/follow-ups/close", new() { ["source"] = "Talk", ["key"] = key, ["note"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"value=\"{key}\"", await client.GetStringAsync("/admin/follow-ups?source=Talk", Ct));

        var closed = await SiteFactory.PostFormAsync(client, "/admin/follow-ups", "/admin/follow-ups/close", new() { ["source"] = "Talk", ["key"] = key, ["note"] = "已联系教务处落实。" });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.DoesNotContain($"value=\"{key}\"", await client.GetStringAsync("/admin/follow-ups?source=Talk", Ct));
        Assert.Contains("已联系教务处落实。", await client.GetStringAsync("/admin/follow-ups?source=Talk&status=closed", Ct));
    }

    [Fact]
    public async Task AMemberCannotCloseAnotherBranchsItem()
    {
        var committee = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/follow-ups?source=Forum", Ct);
        var key = KeyPattern().Matches(committee).Select(m => m.Groups[1].Value).First(k => k.StartsWith("forum-branch2:", StringComparison.Ordinal));

        var response = await SiteFactory.PostFormAsync(await site.SignInAsync("member1"), "/admin/follow-ups", "/admin/follow-ups/close",
            new() { ["source"] = "Forum", ["key"] = key, ["note"] = "不该被关闭" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"value=\"{key}\"", await (await site.SignInAsync("committee1")).GetStringAsync("/admin/follow-ups?source=Forum", Ct));
    }

    [GeneratedRegex("name=\"key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-source=\"([A-Za-z]+)\"")]
    private static partial Regex SourcePattern();
}

using System.Net;
using System.Text.RegularExpressions;
using Liaison.Outreach.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Talks;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Outreach;

/// <summary>The opinion box (SPEC R8, issue 10 Done-when): accepts anonymous opinions within limits; the code reads the reply.</summary>
[Collection(TalksCollection.Name)]
public sealed partial class OpinionBoxTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
        => SiteFactory.PostFormAsync(client, "/opinions/new", "/opinions/new", fields.ToDictionary(f => "Opinion." + f.Key, f => f.Value));

    private Task<int> CountAsync(string subject) => site.WithDbAsync(db => db.Set<Opinion>().CountAsync(o => o.Subject == subject, Ct));

    [Fact]
    public async Task AnAnonymousOpinion_IsAccepted_WithATrackingCode_AndNothingAboutTheSender()
    {
        var client = site.CreateBrowserClient();
        var subject = "匿名意见" + Guid.NewGuid().ToString("N")[..6];

        var response = await PostAsync(client, new() { ["Anonymous"] = "true", ["Name"] = "不应保存", ["Subject"] = subject, ["Text"] = "希望学校增加自习教室的开放时间。" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = await client.GetStringAsync(response.Headers.Location!.ToString(), Ct);
        var code = CodePattern().Match(sent).Groups[1].Value;
        Assert.Equal(32, code.Length);
        var stored = await site.WithDbAsync(db => db.Set<Opinion>().AsNoTracking().SingleAsync(o => o.Subject == subject, Ct));
        Assert.Null(stored.Name);
        Assert.Null(stored.Contact);
        Assert.NotEqual(code, stored.CodeHash);
        Assert.DoesNotContain(typeof(Opinion).GetProperties(), p => p.Name.Contains("Ip", StringComparison.Ordinal) || p.Name.Contains("Address", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/opinions/{code}", Ct)).StatusCode);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        var subject = "无令牌" + Guid.NewGuid().ToString("N")[..6];
        var client = site.CreateBrowserClient();
        await client.GetStringAsync("/opinions/new", Ct); // has the cookie, but the post carries no token

        var response = await client.PostAsync("/opinions/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Opinion.Subject"] = subject, ["Opinion.Text"] = "这是一条没有防伪令牌的意见。",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(subject));
    }

    [Theory]
    [InlineData("Website", "http://spam.example", "无法提交您的意见")]
    [InlineData("Text", "太短", "请至少填写 10 个字")]
    [InlineData("Subject", "", "请填写意见的主题")]
    public async Task TheHoneypotAndTheLengthLimits_RefuseWithAChineseMessage_AndStoreNothing(string field, string value, string message)
    {
        var subject = "限制" + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string> { ["Subject"] = subject, ["Text"] = "一条足够长的意见内容，用来测试。", ["Anonymous"] = "true" };
        fields[field] = value;

        var response = await PostAsync(site.CreateBrowserClient(), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await CountAsync(subject));
    }

    [Fact]
    public async Task TooLongAText_IsRefused()
    {
        var subject = "过长" + Guid.NewGuid().ToString("N")[..6];

        var response = await PostAsync(site.CreateBrowserClient(), new() { ["Subject"] = subject, ["Text"] = new string('长', Opinion.MaxTextLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(subject));
    }

    [Theory]
    [InlineData("abcdefghjkmnpqrstuvwxyz234567892")]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    public async Task AWrongCode_Is404(string code)
    {
        var response = await site.CreateBrowserClient().GetAsync("/opinions/" + Uri.EscapeDataString(code), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheCommitteesReply_IsReadableWithTheTrackingCode()
    {
        var visitor = site.CreateBrowserClient();
        var subject = "待答复" + Guid.NewGuid().ToString("N")[..6];
        var sent = await PostAsync(visitor, new() { ["Anonymous"] = "true", ["Subject"] = subject, ["Text"] = "建议在教学楼增设饮水机。" });
        var code = CodePattern().Match(await visitor.GetStringAsync(sent.Headers.Location!.ToString(), Ct)).Groups[1].Value;
        Assert.Contains("尚未答复", await visitor.GetStringAsync($"/opinions/{code}", Ct));
        var id = await site.WithDbAsync(db => db.Set<Opinion>().Where(o => o.Subject == subject).Select(o => o.Id).SingleAsync(Ct));

        var committee = await site.SignInAsync("committee1");
        var answer = await SiteFactory.PostFormAsync(committee, $"/admin/opinions/{id}", $"/admin/opinions/{id}", new() { ["reply"] = "已在每层增设饮水机。" });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("已在每层增设饮水机。", await visitor.GetStringAsync($"/opinions/{code}", Ct));
        Assert.Contains("已在每层增设饮水机。", await visitor.GetStringAsync($"/opinions/{code.ToUpperInvariant()}", Ct));
    }

    [Fact]
    public async Task TheDemosAnsweredOpinion_IsReadableWithItsCode()
    {
        var html = await site.CreateBrowserClient().GetStringAsync("/opinions/answer23answer23answer23answer23", Ct);

        Assert.Contains("周末图书馆开放至晚上八点半", html);
    }

    [Fact]
    public async Task ARightsComplaint_IsFlagged_AndTheCommitteeIsNotified()
    {
        var subject = "权益" + Guid.NewGuid().ToString("N")[..6];
        var before = await NotificationsAsync("committee1", subject);

        await PostAsync(site.CreateBrowserClient(), new() { ["Subject"] = subject, ["Text"] = "评优中我的权益受到了侵害，希望党委调查。", ["RightsComplaint"] = "true" });

        Assert.True(await site.WithDbAsync(db => db.Set<Opinion>().Where(o => o.Subject == subject).Select(o => o.RightsComplaint).SingleAsync(Ct)));
        Assert.Equal(before + 1, await NotificationsAsync("committee1", subject));
        Assert.Equal(0, await NotificationsAsync("secretary1", subject));
    }

    [Fact]
    public async Task OnlyTheCommittee_ReadsTheOpinionBox()
    {
        var secretary = await (await site.SignInAsync("secretary1")).GetAsync("/admin/opinions", Ct);
        Assert.StartsWith("/access-denied", secretary.Headers.Location?.PathAndQuery());
        Assert.Contains("评优过程不公开", await (await site.SignInAsync("committee1")).GetStringAsync("/admin/opinions", Ct));
    }

    private async Task<int> NotificationsAsync(string userName, string subject)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>()
            .CountAsync(n => n.UserId == user!.Id && n.Body == subject, Ct);
    }

    [GeneratedRegex("data-code=\"([a-z0-9]+)\"")]
    private static partial Regex CodePattern();
}

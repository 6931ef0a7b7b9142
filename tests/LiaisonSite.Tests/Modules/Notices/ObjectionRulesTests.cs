using System.Net;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Notices;

public sealed class ObjectionRulesTests(NoticeSiteFactory site) : IClassFixture<NoticeSiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_Anonymous_IsStoredWithoutName_AndConfirmedWithAReference()
    {
        var text = "对李明同志的发展没有异议，但建议支部进一步听取学生意见。" + Guid.NewGuid().ToString("N")[..6];
        var client = site.CreateBrowserClient();

        var response = await DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Anonymous"] = "true",
            ["Name"] = "不应保存的名字",
            ["Text"] = text,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        var stored = await SingleAsync(text);
        Assert.True(stored.Anonymous);
        Assert.Null(stored.Name);
        Assert.Equal(ObjectionStatus.Pending, stored.Status);
        Assert.Contains("您的意见已收到", confirmation);
        Assert.Contains(stored.Receipt!, confirmation);
    }

    [Fact]
    public async Task Submit_Named_KeepsNameAndContact()
    {
        var text = "建议公示材料中补充该同志近两年的年度考核情况。" + Guid.NewGuid().ToString("N")[..6];

        var response = await DemoNotices.PostObjectionAsync(site.CreateBrowserClient(), DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Name"] = "张老师",
            ["Contact"] = "13800000000",
            ["Text"] = text,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await SingleAsync(text);
        Assert.False(stored.Anonymous);
        Assert.Equal("张老师", stored.Name);
        Assert.Equal("13800000000", stored.Contact);
    }

    [Theory]
    [InlineData("太短了", "请至少填写 10 个字")]
    [InlineData("", "请填写您的异议或意见")]
    [InlineData("LONG", "最多可填写 2000 个字")]
    public async Task Submit_WithTextOutOfLimits_IsRefusedWithAMessage_AndStoresNothing(string text, string message)
    {
        text = text == "LONG" ? new string('长', 2001) : text;
        var before = await CountAsync();

        var response = await DemoNotices.PostObjectionAsync(site.CreateBrowserClient(), DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Anonymous"] = "true",
            ["Text"] = text,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Submit_WithTheHoneypotFilled_IsRefused_AndStoresNothing()
    {
        var before = await CountAsync();

        var response = await DemoNotices.PostObjectionAsync(site.CreateBrowserClient(), DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Anonymous"] = "true",
            ["Text"] = "这是一条由机器人自动填写的意见内容。",
            ["Website"] = "http://spam.example",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("您的提交未被受理", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Submit_ToAClosedNotice_IsRefused_AndTheClosedPageHasNoForm()
    {
        var client = site.CreateBrowserClient();
        var page = await client.GetStringAsync(DemoNotices.ClosedPath, Cancel);
        Assert.Contains("公示期满", page);
        Assert.DoesNotContain("objection-text", page);
        var before = await CountAsync();

        // The closed page has no form; take a token from an open one (same visitor, same cookie).
        var response = await SiteFactoryPost(client, DemoNotices.OpenPath, DemoNotices.ObjectionAction(DemoNotices.ClosedId));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("只在公示期内受理", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_IsRefused()
    {
        var before = await CountAsync();
        var response = await site.CreateBrowserClient().PostAsync(DemoNotices.ObjectionAction(DemoNotices.OpenId),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Objection.Text"] = "没有令牌的提交应当被拒绝。" }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task PersonalData_NeverAppearsOnPublicPages_NorInTheContentApi()
    {
        var secret = "联系人隐私" + Guid.NewGuid().ToString("N")[..8];
        var text = "这条意见带有需要保密的个人信息，请核实。" + secret;
        var client = site.CreateBrowserClient();
        var response = await DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Name"] = secret + "名",
            ["Contact"] = secret + "@example.com",
            ["Text"] = text,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);

        var anonymous = site.CreateClient();
        foreach (var url in new[] { DemoNotices.OpenPath, "/notices", "/", "/api/content", "/api/content/" + DemoNotices.OpenId, "/api/content?contentType=PublicNotice" })
        {
            var body = await (await anonymous.GetAsync(url, Cancel)).Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain(secret, body);
        }

        Assert.DoesNotContain(secret, confirmation);
    }

    private async Task<HttpResponseMessage> SiteFactoryPost(HttpClient client, string formPage, string action)
        => await LiaisonSite.Tests.Infrastructure.SiteFactory.PostFormAsync(client, formPage, action, new()
        {
            ["Objection.Anonymous"] = "true",
            ["Objection.Text"] = "公示已经结束，这条意见不应被受理。",
        });

    private async Task<Objection> SingleAsync(string text)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>().SingleAsync(o => o.Text == text, Cancel);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>().CountAsync(Cancel);
    }
}

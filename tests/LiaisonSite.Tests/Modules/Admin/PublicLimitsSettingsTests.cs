using System.Net;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Admin;

/// <summary>The demo site with one limit set in configuration (public forms: 7 per client), which the page may not change.</summary>
public sealed class PublicLimitsSite : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Forms:SubmissionsPerWindow"] = "7",
    };
}

/// <summary>/admin/settings/public: the limits of the public forms and sign-in, set by an administrator.</summary>
public sealed class PublicLimitsSettingsTests(PublicLimitsSite site) : IClassFixture<PublicLimitsSite>
{
    private const string Page = "/admin/settings/public";
    private const string OpinionsKey = "Liaison:Outreach:OpinionsPerWindow";
    private const string FormsKey = "Liaison:Forms:SubmissionsPerWindow";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePage_ListsEveryPublicLimitInChinese_AndShowsAConfiguredOneReadOnly()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var page = await admin.GetStringAsync(Page, Ct);

        foreach (var group in new[] { "公示异议", "意见箱", "公开表单", "民主评议党员投票", "登录" })
        {
            Assert.Contains($"<legend class=\"h6\">{group}</legend>", page, StringComparison.Ordinal);
        }

        Assert.Contains("每个浏览器的次数", page, StringComparison.Ordinal);
        Assert.Contains("时间窗口（分钟）", page, StringComparison.Ordinal);
        var forms = Input(page, FormsKey);
        Assert.Contains("value=\"7\"", forms, StringComparison.Ordinal);
        Assert.Contains("readonly", forms, StringComparison.Ordinal);
        Assert.Contains($"由配置文件设定：<code>{FormsKey}</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("readonly", Input(page, "Liaison:Notices:ObjectionsPerWindow"), StringComparison.Ordinal);
        Assert.Contains("/admin/settings/public", await admin.GetStringAsync("/admin", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASavedLimit_HoldsForTheNextPost_ButNotOverConfiguration()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var saved = await SiteFactory.PostFormAsync(admin, Page, Page, new()
        {
            [$"values[{OpinionsKey}]"] = "1",
            [$"values[{FormsKey}]"] = "3", // set in configuration: ignored
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("限制已保存", await admin.GetStringAsync(Page, Ct), StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var limits = scope.ServiceProvider.GetRequiredService<IRequestLimits>();
            Assert.Equal(1, await limits.GetAsync(OpinionsKey, 5));
            Assert.Equal(7, await limits.GetAsync(FormsKey, 10));
            Assert.False((await limits.GetSavedAsync()).Values.ContainsKey(FormsKey));
        }

        // One opinion per window now: the visitor's second is refused with the box's own message.
        var visitor = site.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        string? last = null;
        for (var i = 0; i < 2; i++)
        {
            var response = await SiteFactory.PostFormAsync(visitor, "/opinions/new", "/opinions/new", new()
            {
                ["Opinion.Anonymous"] = "true", ["Opinion.Subject"] = $"限制测试{i + 1}", ["Opinion.Text"] = "希望图书馆周末开放到晚上十点。",
            });
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("提交的意见过多", last);
    }

    [Fact]
    public async Task ANumberOutOfBounds_IsRefusedNextToItsField_AndNothingIsSaved()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        string before;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            before = System.Text.Json.JsonSerializer.Serialize(
                (await scope.ServiceProvider.GetRequiredService<IRequestLimits>().GetSavedAsync()).Values.OrderBy(v => v.Key));
        }

        var refused = await SiteFactory.PostFormAsync(admin, Page, Page, new()
        {
            ["values[Liaison:Notices:ObjectionsPerWindow]"] = "0",
            ["values[Liaison:Appraisals:VotesPerWindow]"] = "很多",
            ["values[Liaison:SignIn:WindowMinutes]"] = "30",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请输入 1 到 100000 之间的整数。", page, StringComparison.Ordinal);
        Assert.Contains("is-invalid", Input(page, "Liaison:Notices:ObjectionsPerWindow"), StringComparison.Ordinal);
        Assert.Contains("value=\"很多\"", Input(page, "Liaison:Appraisals:VotesPerWindow"), StringComparison.Ordinal); // kept as typed
        Assert.Contains("value=\"30\"", Input(page, "Liaison:SignIn:WindowMinutes"), StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var after = System.Text.Json.JsonSerializer.Serialize(
                (await scope.ServiceProvider.GetRequiredService<IRequestLimits>().GetSavedAsync()).Values.OrderBy(v => v.Key));
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public async Task ForAMember_ThePageIsRefused()
    {
        var member = await site.SignInAsync("member1");

        var response = await member.GetAsync(Page, Ct);

        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
    }

    /// <summary>The input element of one setting, from its id to its closing bracket.</summary>
    private static string Input(string page, string key)
    {
        var start = page.IndexOf($"id=\"limit-{key.Replace(':', '-')}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no field for {key}");
        return page[start..page.IndexOf("/>", start, StringComparison.Ordinal)];
    }
}

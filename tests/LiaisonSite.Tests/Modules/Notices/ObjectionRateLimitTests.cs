using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Notices;

/// <summary>
/// Own site (two objections per browser, five per address): a browser over its limit is refused in the page's own
/// style with its text kept, while other browsers behind the same address (a campus) still get through, up to the
/// address's higher limit. Each test posts from its own address, so the tests do not share a budget.
/// </summary>
public sealed class ObjectionRateLimitTests(TightRateLimitSiteFactory site) : IClassFixture<TightRateLimitSiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_MoreOftenThanTheBrowsersLimit_IsRefusedWith429_InThePagesStyle_KeepingTheText()
    {
        var client = Browser("198.51.100.10");
        var statuses = new List<HttpStatusCode>();
        string refusal = "";
        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(client, $"第{i + 1}条意见：建议公示时间再延长几天。");
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                refusal = await response.Content.ReadAsStringAsync(Cancel);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("提交的意见过多", refusal);
        Assert.Contains("tb-form-alert", refusal);                       // the page's own note, not a bare text
        Assert.Contains("class=\"tb\"", refusal.Replace("class=\"tb \"", "class=\"tb\""));
        Assert.Contains("第3条意见：建议公示时间再延长几天。</textarea>", refusal); // what was typed is kept
    }

    [Fact]
    public async Task ManyBrowsersBehindOneAddress_EachGetTheirOwnLimit_UpToTheAddresssHigherLimit()
    {
        const string campus = "198.51.100.20";
        var statuses = new List<HttpStatusCode>();
        for (var browser = 0; browser < 3; browser++)
        {
            var client = Browser(campus);
            for (var i = 0; i < 2; i++)
            {
                statuses.Add((await PostAsync(client, $"校园第{browser + 1}台电脑的第{i + 1}条意见，内容充实。")).StatusCode);
            }
        }

        // Three browsers, two posts each: the first five pass (the address's limit), the sixth is the address's refusal.
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // A browser of another address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Browser("198.51.100.21"), "另一个地址的意见，内容充实完整。")).StatusCode);
    }

    private HttpClient Browser(string address)
    {
        var client = site.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string text)
        => DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Anonymous"] = "true",
            ["Text"] = text,
        });
}

using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Outreach;

/// <summary>The demo site with the opinion box limited to two posts per window per client.</summary>
public sealed class TightOpinionSite : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Outreach:OpinionsPerWindow"] = "2",
    };
}

public sealed class OpinionFloodTests(TightOpinionSite site) : IClassFixture<TightOpinionSite>
{
    [Fact]
    public async Task AFloodFromOneClient_IsAnsweredWith429AndAChineseMessage()
    {
        var client = site.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        string? last = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await SiteFactory.PostFormAsync(client, "/opinions/new", "/opinions/new", new()
            {
                ["Opinion.Anonymous"] = "true", ["Opinion.Subject"] = $"第{i + 1}条", ["Opinion.Text"] = "希望食堂延长晚餐供应时间。",
            });
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("提交的意见过多", last);
    }
}

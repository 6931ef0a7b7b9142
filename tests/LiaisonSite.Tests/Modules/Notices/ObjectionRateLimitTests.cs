using System.Net;

namespace LiaisonSite.Tests.Modules.Notices;

public sealed class ObjectionRateLimitTests(TightRateLimitSiteFactory site) : IClassFixture<TightRateLimitSiteFactory>
{
    [Fact]
    public async Task Submit_MoreOftenThanTheLimit_IsRefusedWith429()
    {
        var client = site.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, new()
            {
                ["Anonymous"] = "true",
                ["Text"] = $"第{i + 1}条意见：建议公示时间再延长几天。",
            });
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Contains("提交的意见过多", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}

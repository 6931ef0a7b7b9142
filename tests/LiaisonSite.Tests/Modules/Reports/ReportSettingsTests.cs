using System.Net;
using Liaison.Reports.Settings;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// /admin/reports/settings: the committee sets the report deadline (default Liaison:Reports:DeadlineDays, 10); a bad
/// value is a Chinese message and changes nothing; secretaries and members are refused. Restores the setting.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportSettingsTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private const string Page = "/admin/reports/settings";

    private async Task<int> DeadlineDaysAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportSettingsService>().DeadlineDaysAsync();
    }

    [Fact]
    public async Task TheCommittee_SetsTheDeadline_EmptyMeansTheConfiguredDefault_BadValuesChangeNothing()
    {
        var committee = await site.SignInAsync("committee1");
        Assert.Equal(10, await DeadlineDaysAsync());
        Assert.Contains("留空则使用默认的 10 天", await committee.GetStringAsync(Page, Ct));
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.PostFormAsync(committee, Page, Page, new() { ["deadlineDays"] = "20" })).StatusCode);
            Assert.Equal(20, await DeadlineDaysAsync());
            Assert.Contains("当前生效：20 天", await committee.GetStringAsync(Page, Ct));

            foreach (var bad in new[] { "abc", "91", "-3", "1.5" })
            {
                var response = await SiteFactory.PostFormAsync(committee, Page, Page, new() { ["deadlineDays"] = bad });
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("截止时间须为 0 到 90 之间的整数天数。", await response.Content.ReadAsStringAsync(Ct));
                Assert.Equal(20, await DeadlineDaysAsync());
            }
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.PostFormAsync(committee, Page, Page, new() { ["deadlineDays"] = "" })).StatusCode);
        }

        Assert.Equal(10, await DeadlineDaysAsync());
    }

    [Theory]
    [InlineData("secretary1")]
    [InlineData("member1")]
    public async Task OthersThanTheCommittee_AreRefused(string user)
    {
        var response = await (await site.SignInAsync(user)).GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString);
    }
}

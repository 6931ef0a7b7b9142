using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Forms;

/// <summary>
/// The demo's forms: a member's 困难帮扶登记 reaches the secretary of the member's branch (FormSubmittedEvent workflow),
/// and the public 接待日预约 reaches the committee.
/// </summary>
public sealed class DemoFormsTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Organization.OrganizationSeed.EnsureDemoMembersAsync(site.Services);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AMembersHardshipReport_NotifiesTheSecretaryOfTheirBranch_Only()
    {
        var member = await site.SignInAsync("member1");
        var title = "青年教师照顾生病家人 " + Guid.NewGuid().ToString("N")[..6];

        var form = await member.GetStringAsync("/admin/forms/HardshipReport", Ct);
        Assert.Contains("困难类别", form);
        Assert.Contains("具体情况", form);
        var response = await SiteFactory.PostFormAsync(member, "/admin/forms/HardshipReport", "/admin/forms/HardshipReport", new()
        {
            ["TitlePart.Title"] = title,
            ["HardshipReport.Category.Text"] = "家庭",
            ["HardshipReport.Details.Text"] = "家人住院，近两周需要调课。",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var subject = "困难帮扶登记：" + title;
        var secretary = await WaitForNotificationAsync("secretary1", subject);
        Assert.Contains("member1", secretary.Body);
        Assert.DoesNotContain(await NotificationsAsync("secretary2"), n => n.Subject == subject);
    }

    [Fact]
    public async Task APublicReceptionBooking_WithoutSigningIn_NotifiesTheCommittee()
    {
        var visitor = site.CreateBrowserClient();
        var title = "想和校领导谈谈食堂 " + Guid.NewGuid().ToString("N")[..6];

        var response = await SiteFactory.PostFormAsync(visitor, "/forms/ReceptionBooking", "/forms/ReceptionBooking", new()
        {
            ["TitlePart.Title"] = title,
            ["ReceptionBooking.Matter.Text"] = "学生食堂晚餐品种少，希望在接待日反映。",
        });

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        await WaitForNotificationAsync("committee1", "接待日预约：" + title);
    }

    private async Task<UserNotification> WaitForNotificationAsync(string userName, string subject)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((await NotificationsAsync(userName)).FirstOrDefault(n => n.Subject == subject) is { } found)
            {
                return found;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"{userName} got no notification \"{subject}\".");
    }

    private async Task<List<UserNotification>> NotificationsAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>().AsNoTracking()
            .Where(n => n.UserId == user!.Id).ToListAsync(Ct);
    }
}

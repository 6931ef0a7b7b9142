using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Admin;

/// <summary>The dashboard's content counts on the demo school.</summary>
public sealed class DashboardTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Counts_ListPublicTypes_ButNotSecurableOnesLikeContactAssignments()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var html = await admin.GetStringAsync("/admin?dashboard=1", TestContext.Current.CancellationToken);

        Assert.Contains("/admin/contents?type=TypicalExample", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/contents?type=Contact", html, StringComparison.Ordinal);
    }
}

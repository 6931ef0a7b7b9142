using System.Net;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Data;

/// <summary>The same site on PostgreSQL: migrations apply, setup runs the recipe, content versions and index rows are written.</summary>
public sealed class PostgresSiteTests
{
    [Fact]
    public async Task Site_OnPostgres_SetsUpAndStoresContentVersions()
    {
        PostgresSiteFactory.SkipWhenUnavailable();
        await using var site = new PostgresSiteFactory();
        var ct = TestContext.Current.CancellationToken;

        var health = await site.CreateClient().GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.True(await db.Users.AnyAsync(u => u.UserName == SiteFactory.AdminUserName, ct));

        // The admin list's text filter counts its matches with a bounded query (ContentListPagingTests): it runs here too.
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var list = await admin.GetStringAsync("/admin/contents?q=" + Uri.EscapeDataString("支部") + "&pageSize=1", ct);
        Assert.Contains("第 1 页，共", list, StringComparison.Ordinal);
    }
}

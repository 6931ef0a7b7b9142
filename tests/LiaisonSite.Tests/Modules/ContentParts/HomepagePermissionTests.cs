using System.Net;
using LiaisonSite.Core.Settings;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// "/" is the site's: publishing an item with Orchard's <c>"SetHomepage": true</c> through the JSON API makes it the home
/// page only for someone who may change the site settings (an editor publishes the item, "/" stays the school's home).
/// </summary>
public sealed class HomepagePermissionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetHomepageThroughTheApi_ActsOnlyForThoseWhoMayChangeTheSiteSettings()
    {
        var visitor = site.CreateClient();
        var editor = await site.SignInAsync("editor1");
        var editorsPage = ContentsHttp.Page("编辑的页面", "home-try-" + Guid.NewGuid().ToString("N")[..8], published: true);
        editorsPage["AutoroutePart"]!["SetHomepage"] = true;

        var published = await ContentsHttp.PostItemAsync(editor, editorsPage);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Null(await HomeAsync());
        Assert.Contains("id=\"hero-title\"", await visitor.GetStringAsync("/", Ct));

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var adminsPage = ContentsHttp.Page("党委的首页", "home-set-" + Guid.NewGuid().ToString("N")[..8], published: true);
        adminsPage["AutoroutePart"]!["SetHomepage"] = true;
        var set = await ContentsHttp.PostItemAsync(admin, adminsPage);

        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var id = (await ContentsHttp.JsonAsync(set))!["ContentItemId"]!.GetValue<string>();
        Assert.Equal(id, await HomeAsync());
        Assert.Contains("<h1>党委的首页</h1>", await visitor.GetStringAsync("/", Ct));
    }

    private async Task<string?> HomeAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync()).HomeContentItemId;
    }
}

using Liaison.Publicity.Listing;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Liaison.Publicity.Feeds;

/// <summary>RSS 2.0 feeds of the typical examples and the branch news (optionally of one branch).</summary>
[AllowAnonymous]
public sealed class FeedController(FeedQuery feeds, PublicContentQuery lists, ISiteService site, IStringLocalizer<FeedController> S) : Controller
{
    [HttpGet("/examples/rss")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Examples()
    {
        var siteName = await SiteNameAsync();
        return Feed(
            new(S["Typical examples - {0}", siteName], "/examples", S["Stories of Party members helping teachers and students."]),
            await feeds.LatestAsync(PublicTypes.TypicalExample, branchId: null));
    }

    [HttpGet("/news/rss")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> News(string? branch)
    {
        var siteName = await SiteNameAsync();
        var selected = string.IsNullOrWhiteSpace(branch) ? null : branch.Trim();
        var title = S["Branch news - {0}", siteName].Value;
        var link = "/news";
        if (selected is not null)
        {
            // An unknown branch gives an empty feed, like the list page, rather than every branch's news.
            var name = (await lists.BranchesAsync()).FirstOrDefault(b => b.ContentItemId == selected)?.Name;
            title = S["Branch news of {0} - {1}", name ?? selected, siteName];
            link = "/news?branch=" + Uri.EscapeDataString(selected);
        }

        return Feed(new(title, link, S["News of the Party branches."]), await feeds.LatestAsync(PublicTypes.BranchNews, selected));
    }

    private FileContentResult Feed((string Title, string Link, string Description) channel, IReadOnlyList<FeedEntry> entries)
    {
        var self = SiteUrls.Base(Request) + Request.Path + Request.QueryString;
        var bytes = RssWriter.Write(
            new RssChannel(channel.Title, SiteUrls.Base(Request) + channel.Link, channel.Description, self),
            entries.Select(e => (e, SiteUrls.Absolute(Request, e.Path))));
        return File(bytes, RssWriter.ContentType);
    }

    private async Task<string> SiteNameAsync()
    {
        var settings = await site.GetSettingsAsync();
        return string.IsNullOrWhiteSpace(settings.SiteName) ? S["Party Committee"] : settings.SiteName;
    }
}

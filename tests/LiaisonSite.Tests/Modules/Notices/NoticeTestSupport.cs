using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Notices;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The demo site with a rate limit high enough for many objection posts from the one test client.</summary>
public sealed class NoticeSiteFactory : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Notices:ObjectionsPerWindow"] = "1000",
    };
}

/// <summary>The demo site with the limit at two objections per browser and five per address per window.</summary>
public sealed class TightRateLimitSiteFactory : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Notices:ObjectionsPerWindow"] = "2",
        ["Liaison:Notices:ObjectionsPerAddressPerWindow"] = "5",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddress.AddTo(builder);
    }
}

/// <summary>The notices of liaison-demo.recipe.json.</summary>
internal static class DemoNotices
{
    /// <summary>发展党员公示 of branch 1 (secretary1), open around the day the demo is installed.</summary>
    public const string OpenId = "notice-01";
    public const string OpenPath = "/notices/branch1-new-member-2026";
    public const string OpenTitle = "第一党支部关于拟发展李明同志为预备党员的公示";

    /// <summary>干部提拔预告 of branch 2 (secretary2), closed weeks ago.</summary>
    public const string ClosedId = "notice-02";
    public const string ClosedPath = "/notices/cadre-promotion-wang";

    /// <summary>校务公开 of the whole school (no branch), open.</summary>
    public const string SchoolId = "notice-03";

    public static string ObjectionAction(string noticeId) => "/notice-objections/" + noticeId;

    /// <summary>Posts the objection form of a notice page with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostObjectionAsync(HttpClient client, string page, string noticeId, Dictionary<string, string> fields)
        => SiteFactory.PostFormAsync(client, page, ObjectionAction(noticeId),
            fields.ToDictionary(f => "Objection." + f.Key, f => f.Value));
}

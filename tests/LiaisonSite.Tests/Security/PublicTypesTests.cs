using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Security;

/// <summary>
/// Issue 16 item 3: which types are public is now the Anonymous role's view permission and the access scopes (Orchard's
/// way), not "not Securable". On the default and the demo site exactly the same types are public as before: the
/// school's pages, news and notices; never a contact, talk, report or any other scoped or personal type.
/// </summary>
public static class PublicTypes
{
    /// <summary>The public types of the site as defined now, with what the rule of before (has an address, not Securable) said.</summary>
    public static async Task<(List<string> Now, List<string> Before, IReadOnlyCollection<string> Scoped)> WalkAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        var now = (await scope.ServiceProvider.GetRequiredService<IPublicContentTypes>().ListAsync(definitions)).Order(StringComparer.Ordinal).ToList();
        var before = (await definitions.ListTypesAsync())
            .Where(t => !t.TypeSettings.Securable && t.HasPart("AutoroutePart")).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        return (now, before, scope.ServiceProvider.GetRequiredService<IContentVisibility>().ScopedTypes);
    }

    public static readonly string[] Expected = ["BranchNews", "Briefing", "ExemplaryMember", "Page", "PartyBranch", "PublicNotice", "TypicalExample"];
}

public sealed class DemoSitePublicTypesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task DemoSite_PublicTypes_AreExactlyThoseOfBefore_AndNoScopedType()
    {
        var (now, before, scoped) = await PublicTypes.WalkAsync(site);

        Assert.Equal(PublicTypes.Expected, now);
        Assert.Equal(before, now);
        Assert.Empty(now.Intersect(scoped, StringComparer.OrdinalIgnoreCase));
    }
}

public sealed class DefaultSitePublicTypesTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task DefaultSite_PublicTypes_AreExactlyThoseOfBefore_AndNoScopedType()
    {
        var (now, before, scoped) = await PublicTypes.WalkAsync(site);

        Assert.Equal(PublicTypes.Expected, now);
        Assert.Equal(before, now);
        Assert.Empty(now.Intersect(scoped, StringComparer.OrdinalIgnoreCase));
    }
}

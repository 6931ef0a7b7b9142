using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Publicity;

/// <summary>Changes the demo site's content the way editors and recipes do, for the feed and sitemap tests.</summary>
internal static class PublicityTestContent
{
    /// <summary>Gives a published item a draft with another title; the published version stays as it was.</summary>
    public static async Task CreateDraftAsync(SiteFactory site, string contentItemId, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var draft = await contents.GetAsync(contentItemId, VersionOptions.DraftRequired);
        Assert.NotNull(draft);
        draft.GetOrCreatePart("TitlePart")["Title"] = title;
        draft.DisplayText = title;
        await contents.UpdateAsync(draft);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A Securable type with an address whose view permission the public does not hold, and one published item of it at
    /// <paramref name="path"/>.
    /// </summary>
    public static async Task CreateSecurableItemAsync(SiteFactory site, string path, string title)
    {
        await AnonymousGrants.MakeSecurableTypesPrivateAsync(site);
        var recipe = """
            {"name": "securable", "steps": [
              {"name": "ContentDefinition", "ContentTypes": [{"Name": "BranchMinutes",
                "Settings": {"ContentTypeSettings": {"Securable": true, "Draftable": true}},
                "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart"}, {"PartName": "AutoroutePart",
                  "Settings": {"AutoroutePartSettings": {"AllowCustomPath": true}}}]}]},
              {"name": "Content", "data": [{"ContentItemId": "minutes-1", "ContentType": "BranchMinutes", "DisplayText": "TITLE",
                "Latest": true, "Published": true, "TitlePart": {"Title": "TITLE"}, "AutoroutePart": {"Path": "PATH"}}]}]}
            """.Replace("TITLE", title, StringComparison.Ordinal).Replace("PATH", path, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(result);
    }
}

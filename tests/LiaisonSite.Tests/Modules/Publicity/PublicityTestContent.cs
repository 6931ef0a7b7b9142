using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Publicity;

/// <summary>Content the sitemap tests add to the demo site the way a recipe does.</summary>
internal static class PublicityTestContent
{
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

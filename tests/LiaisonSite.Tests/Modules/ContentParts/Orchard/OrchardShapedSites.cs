using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>A site set up non-interactively from TestData/Orchard/blog-shaped.recipe.json (Orchard Core's blog shape).</summary>
public sealed class BlogShapedSite() : SiteFactory(OrchardShapedRecipes.Path("blog-shaped.recipe.json"));

/// <summary>A site set up non-interactively from TestData/Orchard/agency-shaped.recipe.json (Orchard Core's agency shape).</summary>
public sealed class AgencyShapedSite() : SiteFactory(OrchardShapedRecipes.Path("agency-shaped.recipe.json"));

public static class OrchardShapedRecipes
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "Orchard", file);
}

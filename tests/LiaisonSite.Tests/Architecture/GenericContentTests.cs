using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Tests.Quality;

namespace LiaisonSite.Tests.Architecture;

/// <summary>
/// The kernel and the generic content modules (the admin list and editor, the API, recipes) handle any type through
/// the definitions and module-provided services: none of them names a module's content type or part. Checked on the
/// string literals compiled into them (C# and Razor views alike; comments are not compiled).
/// </summary>
public sealed class GenericContentTests
{
    [Fact]
    public void KernelAndGenericModules_NameNoModulesContentTypeOrPart()
    {
        var names = ModuleTypeAndPartNames();
        var generic = new[] { typeof(IContentManager).Assembly, typeof(Liaison.Contents.ContentsModule).Assembly, typeof(Liaison.Recipes.RecipesModule).Assembly };

        var found = generic
            .SelectMany(a => Literals(a.Location).Where(names.Contains).Select(n => $"{a.GetName().Name}: \"{n}\""))
            .ToList();

        Assert.True(found.Count == 0, "Type or part names in generic code:\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_FindsTheNames_WhereAModuleLegitimatelyUsesThem()
    {
        var names = ModuleTypeAndPartNames();

        // Publicity lists typical examples and Contacts governs the Contact type: both by name, as they should.
        Assert.Contains("TypicalExample", Literals(typeof(Liaison.Publicity.PublicityModule).Assembly.Location).Where(names.Contains));
        Assert.Contains("Contact", Literals(typeof(Liaison.Contacts.ContactsModule).Assembly.Location).Where(names.Contains));
    }

    /// <summary>Types and parts defined by the recipes and the modules' upgrade steps, and the code parts of the modules.</summary>
    private static HashSet<string> ModuleTypeAndPartNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var upgradeRecipes = SourceTree.Files("src/Modules", ".json").Where(f => f.EndsWith(".recipe.json", StringComparison.Ordinal));
        foreach (var file in SourceTree.Files("recipes", ".json").Concat(upgradeRecipes))
        {
            var recipe = JsonNode.Parse(File.ReadAllText(file), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
            foreach (var step in (recipe["steps"]?.AsArray() ?? []).Where(s => (string?)s!["name"] == "ContentDefinition"))
            {
                foreach (var key in new[] { "ContentTypes", "ContentParts" })
                {
                    names.UnionWith(step![key]?.AsArray().Select(t => (string)t!["Name"]!) ?? []);
                }
            }
        }

        names.UnionWith(SiteModules.Catalog.Modules.SelectMany(m => m.GetType().Assembly.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(ContentPart)) && !t.IsAbstract)
            .Select(t => t.Name));
        Assert.Contains("TitlePart", names);
        Assert.Contains("Contact", names);
        return names;
    }

    /// <summary>Every string literal of the assembly (its #US heap).</summary>
    private static IEnumerable<string> Literals(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var literals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            literals.Add(reader.GetUserString(handle));
        }

        return literals;
    }
}

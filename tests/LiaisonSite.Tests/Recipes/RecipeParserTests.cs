using LiaisonSite.Core.Recipes;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipeParserTests
{
    [Fact]
    public void Parse_WithLineAndBlockComments_IgnoresThem()
    {
        var recipe = RecipeParser.Parse("""
            // a setup recipe
            {
              /* the name */ "name": "demo",
              "steps": [] // none yet
            }
            """);

        Assert.Equal("demo", recipe.GetString("name"));
    }

    [Fact]
    public void Parse_WithTrailingCommas_Accepts()
    {
        var recipe = RecipeParser.Parse("""{"name": "demo", "steps": [{"name": "Content",},],}""");

        Assert.Single(recipe.GetArray("steps"));
    }

    [Fact]
    public void Parse_InvalidJson_ThrowsRecipeException()
    {
        var e = Assert.Throws<RecipeException>(() => RecipeParser.Parse("""{"name": "demo", "steps": [""" ));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnObject_ThrowsRecipeException()
        => Assert.Throws<RecipeException>(() => RecipeParser.Parse("[1, 2]"));

    [Theory]
    [InlineData("data")]
    [InlineData("Data")]
    [InlineData("DATA")]
    public void GetArray_PropertyNameInAnyCase_FindsIt(string propertyName)
    {
        var step = RecipeParser.Parse($$"""{"name": "Content", "{{propertyName}}": [{"ContentType": "Page"}]}""");

        Assert.Single(step.GetArray("data"));
    }
}

using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipeScriptingTests
{
    private static RecipeScripting Create(Dictionary<string, string?>? parameters = null, Dictionary<string, string?>? configuration = null)
        => new(parameters ?? [], new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());

    [Fact]
    public void Evaluate_Uuid_GivesANewContentItemIdEachTime()
    {
        var scripting = Create();

        var first = scripting.Evaluate(JsonValue.Create("[js: uuid()]"))!.GetValue<string>();
        var second = scripting.Evaluate(JsonValue.Create("[js: uuid()]"))!.GetValue<string>();

        Assert.Equal(26, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Evaluate_Variables_GivesTheSameValueEverywhere()
    {
        var scripting = Create();
        scripting.DefineVariables(new JsonObject { ["homeId"] = "[js: uuid()]", ["label"] = "home-[js: variables('homeId')]" });

        var step = scripting.Evaluate(JsonNode.Parse("""{"a": "[js: variables('homeId')]", "b": ["[js: variables('homeId')]"], "c": "[js: variables('label')]"}"""))!;

        Assert.Equal(step["a"]!.GetValue<string>(), step["b"]![0]!.GetValue<string>());
        Assert.Equal("home-" + step["a"]!.GetValue<string>(), step["c"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_Parameters_ReadsTheGivenValueInAnyCase()
    {
        var scripting = Create(new() { ["AdminUsername"] = "admin" });

        var value = scripting.Evaluate(JsonValue.Create("Owner: [js: parameters('adminusername')]"));

        Assert.Equal("Owner: admin", value!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_UndefinedParameter_ThrowsRecipeExceptionNamingIt()
    {
        var scripting = Create();

        var e = Assert.Throws<RecipeException>(() => scripting.Evaluate(JsonValue.Create("[js: parameters('SiteName')]")));

        Assert.Contains("SiteName", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UndefinedVariable_ThrowsRecipeExceptionNamingIt()
    {
        var e = Assert.Throws<RecipeException>(() => Create().Evaluate(JsonValue.Create("[js: variables('nope')]")));

        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Configuration_ReadsTheKeyOrTheDefault()
    {
        var scripting = Create(configuration: new() { ["Liaison:Recipes:Variables:School"] = "一中" });

        Assert.Equal("一中", scripting.Evaluate(JsonValue.Create("[js: configuration('Liaison:Recipes:Variables:School', 'x')]"))!.GetValue<string>());
        Assert.Equal("x", scripting.Evaluate(JsonValue.Create("[js: configuration('Liaison:Recipes:Variables:Missing', 'x')]"))!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_WholeBooleanExpression_KeepsItsType()
        => Assert.True(Create().Evaluate(JsonValue.Create("[js: 1 < 2]"))!.GetValue<bool>());

    [Fact]
    public void Evaluate_TwoInlineExpressions_ReplacesBoth()
    {
        var scripting = Create(new() { ["A"] = "x", ["B"] = "y" });

        Assert.Equal("x-y", scripting.Evaluate(JsonValue.Create("[js: parameters('A')]-[js: parameters('B')]"))!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_LeavesTheRecipeUnchanged()
    {
        var step = JsonNode.Parse("""{"id": "[js: uuid()]"}""")!;

        Create().Evaluate(step);

        Assert.Equal("[js: uuid()]", step["id"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ScriptError_ThrowsRecipeExceptionWithTheExpression()
    {
        var e = Assert.Throws<RecipeException>(() => Create().Evaluate(JsonValue.Create("[js: nosuchfunction()]")));

        Assert.Contains("nosuchfunction", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Issue 8, finding 9: the limits of recipe scripts, each refused with a message saying which.</summary>
public sealed class RecipeScriptLimitTests
{
    private static RecipeScripting Create(Dictionary<string, string?>? configuration = null)
        => new(new Dictionary<string, string?>(), new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());

    [Theory]
    [InlineData("Liaison:Database:ConnectionString")]
    [InlineData("Liaison:Setup:AdminPassword")]
    [InlineData("liaison:recipes:variablesX")]
    [InlineData("Liaison:Recipes:Variables")]
    public void Configuration_OutsideTheRecipeVariables_IsRefused(string key)
    {
        var scripting = Create(new() { [key] = "secret-value" });

        var e = Assert.Throws<RecipeException>(() => scripting.Evaluate(JsonValue.Create($"[js: configuration('{key}', 'x')]")));

        Assert.Contains("Liaison:Recipes:Variables", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_UnderTheRecipeVariables_IsRead()
    {
        var scripting = Create(new() { ["Liaison:Recipes:Variables:School"] = "一中" });

        Assert.Equal("一中", scripting.Evaluate(JsonValue.Create("[js: configuration('liaison:recipes:variables:school', 'x')]"))!.GetValue<string>());
    }

    [Fact]
    public void Memory_OfOneExpression_IsLimited()
    {
        const string hog = "[js: (function () { var a = []; for (var i = 0; i < 5000; i++) { a.push('x'.repeat(100000) + i); } return a.length; })()]";

        var e = Assert.Throws<RecipeException>(() => Create().Evaluate(JsonValue.Create(hog)));

        Assert.Contains("MB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegularExpression_StopsAtItsTimeout()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<RecipeException>(() => Create().Evaluate(JsonValue.Create(
            "[js: /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')]")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
        Assert.Contains("regular expression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeArray_IsRefused()
        => Assert.Throws<RecipeException>(() => Create().Evaluate(JsonValue.Create("[js: new Array(50000000).fill(0).length]")));
}

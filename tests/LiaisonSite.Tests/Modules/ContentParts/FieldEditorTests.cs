using Microsoft.Extensions.Primitives;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class FieldEditorTests(FieldTestKit kit) : IClassFixture<FieldTestKit>
{
    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e5x")]
    public async Task NumericField_UnparseableInput_IsAnErrorAndStoresNothing(string input)
    {
        var (value, errors) = await kit.PostAsync("NumericField", new() { ["Value"] = input });

        Assert.Null(value);
        Assert.Single(errors, e => e.Key == "Sample.Value" && e.Message.Contains("must be a number"));
    }

    [Fact]
    public async Task NumericField_ValidInput_IsStoredAsNumber()
    {
        var (value, errors) = await kit.PostAsync("NumericField", new() { ["Value"] = "12.5" });

        Assert.Empty(errors);
        Assert.Equal(12.5m, value!["Value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task DateField_UnparseableInput_IsAnError()
    {
        var (value, errors) = await kit.PostAsync("DateField", new() { ["Value"] = "2026-13-45" });

        Assert.Null(value);
        Assert.Single(errors);
    }

    [Fact]
    public async Task DateField_ValidInput_IsStoredAsDate()
    {
        var (value, _) = await kit.PostAsync("DateField", new() { ["Value"] = "2026-03-15" });

        Assert.Equal(new DateTime(2026, 3, 15), value!["Value"]!.GetValue<DateTime>().Date);
    }

    [Fact]
    public async Task DateTimeField_SchoolTimeInput_IsStoredInUtc()
    {
        var (value, errors) = await kit.PostAsync("DateTimeField", new() { ["Value"] = "2026-03-15T14:30" });

        Assert.Empty(errors);
        Assert.Equal(new DateTime(2026, 3, 15, 6, 30, 0), value!["Value"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task BooleanField_CheckedBoxPostsTrueBeforeHiddenFalse_IsTrue()
    {
        var (value, _) = await kit.PostAsync("BooleanField", new() { ["Value"] = new StringValues(["true", "false"]) });

        Assert.True(value!["Value"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TagsField_SplitsOnChineseAndLatinCommas()
    {
        var (value, _) = await kit.PostAsync("TagsField", new() { ["Tags"] = "谈心谈话，党员教育、 主题党日, 谈心谈话" });

        Assert.Equal(["谈心谈话", "党员教育", "主题党日"], value!["Tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task HtmlField_PostedScript_IsRemovedBeforeSaving()
    {
        var (value, _) = await kit.PostAsync("HtmlField", new() { ["Html"] = "<p>好</p><script>alert(1)</script>" });

        Assert.Equal("<p>好</p>", value!["Html"]!.GetValue<string>());
    }

    [Fact]
    public async Task MediaField_KeepsAltTextsAlignedWithPaths()
    {
        var (value, _) = await kit.PostAsync("MediaField", new() { ["Paths"] = "a.jpg\n\nb.jpg", ["MediaTexts"] = "甲\n乙\n丙" }, """{"Multiple": true}""");

        Assert.Equal(["a.jpg", "b.jpg"], value!["Paths"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["甲", "乙"], value["MediaTexts"]!.AsArray().Select(t => t!.GetValue<string>()));
    }
}


namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class FieldValidationTests(FieldTestKit kit) : IClassFixture<FieldTestKit>
{
    [Theory]
    [InlineData("TextField", """{"Text": " "}""")]
    [InlineData("HtmlField", """{"Html": "<p> </p>"}""")]
    [InlineData("NumericField", """{"Value": null}""")]
    [InlineData("DateField", """{}""")]
    [InlineData("DateTimeField", """{}""")]
    [InlineData("ContentPickerField", """{"ContentItemIds": []}""")]
    [InlineData("UserPickerField", """{"UserIds": []}""")]
    [InlineData("TagsField", """{"Tags": []}""")]
    [InlineData("MediaField", """{"Paths": []}""")]
    public void Validate_WhenRequiredAndEmpty_ReportsRequired(string fieldType, string value)
    {
        Assert.Single(kit.Validate(fieldType, value, """{"Required": "True"}"""), e => e.Contains("Label is required"));
        Assert.Single(kit.Validate(fieldType, null, """{"Required": true}"""));
        Assert.Empty(kit.Validate(fieldType, value, """{"Required": false}"""));
    }

    [Fact]
    public void TextField_LongerThanMaxLength_IsRefused()
    {
        Assert.Single(kit.Validate("TextField", """{"Text": "abcdef"}""", """{"MaxLength": "5"}"""));
        Assert.Empty(kit.Validate("TextField", """{"Text": "abcde"}""", """{"MaxLength": 5}"""));
    }

    [Theory]
    [InlineData("-1", 1)]
    [InlineData("0", 0)]
    [InlineData("100", 0)]
    [InlineData("100.5", 1)]
    [InlineData("101", 1)]
    public void NumericField_OutsideMinimumAndMaximum_IsRefused(string value, int errors)
        => Assert.Equal(errors, kit.Validate("NumericField", $$"""{"Value": {{value}}}""", """{"Minimum": "0", "Maximum": 100, "Scale": "1"}""").Count);

    [Theory]
    [InlineData("1.5", "0", 1)]
    [InlineData("2", "0", 0)]
    [InlineData("1.50", "1", 0)]
    [InlineData("1.234", "2", 1)]
    [InlineData("1.23", "2", 0)]
    public void NumericField_WithMoreDecimalsThanScale_IsRefused(string value, string scale, int errors)
        => Assert.Equal(errors, kit.Validate("NumericField", $$"""{"Value": {{value}}}""", $$"""{"Scale": {{scale}}}""").Count);

    [Fact]
    public void NumericField_StoredValueNotANumber_IsReportedNotThrown()
        => Assert.Single(kit.Validate("NumericField", """{"Value": "abc"}"""), e => e.Contains("not valid"));

    [Fact]
    public void Pickers_WithTwoItemsWhenNotMultiple_AreRefused()
    {
        Assert.Single(kit.Validate("ContentPickerField", """{"ContentItemIds": ["a", "b"]}"""));
        Assert.Empty(kit.Validate("ContentPickerField", """{"ContentItemIds": ["a", "b"]}""", """{"Multiple": "True"}"""));
        Assert.Single(kit.Validate("UserPickerField", """{"UserIds": ["a", "b"]}"""));
        Assert.Empty(kit.Validate("UserPickerField", """{"UserIds": ["a", "b"]}""", """{"Multiple": true}"""));
    }

    [Theory]
    [InlineData("""{"Paths": ["a.jpg", "b.jpg"], "MediaTexts": ["甲", "乙"]}""", """{"Multiple": false}""", 1)]
    [InlineData("""{"Paths": ["a.jpg", "b.jpg"], "MediaTexts": ["甲", "乙"]}""", """{"Multiple": true}""", 0)]
    [InlineData("""{"Paths": ["../secret.txt"], "MediaTexts": ["甲"]}""", "{}", 1)]
    [InlineData("""{"Paths": ["javascript:alert(1)"], "MediaTexts": ["甲"]}""", "{}", 1)]
    [InlineData("""{"Paths": ["branch1/2026/photo.jpg"], "MediaTexts": ["支部合影"]}""", "{}", 0)]
    public void MediaField_RefusesSeveralFilesUnlessMultipleAndPathsOutsideTheLibrary(string value, string settings, int errors)
        => Assert.Equal(errors, kit.Validate("MediaField", value, settings).Count);

    [Fact]
    public void TagsField_WithOverlongTag_IsRefused()
        => Assert.Single(kit.Validate("TagsField", $$"""{"Tags": ["{{new string('x', 51)}}"]}"""));

    [Fact]
    public void BooleanField_IsNeverRequired()
        => Assert.Empty(kit.Validate("BooleanField", """{"Value": false}""", """{"Required": true}"""));
}

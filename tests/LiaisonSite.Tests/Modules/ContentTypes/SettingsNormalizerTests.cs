using System.Text.Json.Nodes;
using Liaison.ContentTypes.Services;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace LiaisonSite.Tests.Modules.ContentTypes;

public sealed class SettingsNormalizerTests
{
    [Fact]
    public void Normalize_FlatOrchardKeys_MovesThemIntoTheSettingsClassWithTypedValues()
    {
        var settings = SettingsNormalizer.Normalize(
            JsonNode.Parse("""{"Creatable": "True", "Listable": "false", "Stereotype": "Widget"}""")!.AsObject(), typeof(ContentTypeSettings));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ContentTypeSettings": {"Creatable": true, "Listable": false, "Stereotype": "Widget"}}"""), settings));
    }

    [Fact]
    public void Normalize_DottedKeys_AreNested()
    {
        var settings = SettingsNormalizer.Normalize(
            JsonNode.Parse("""{"ContentTypeSettings.Creatable": "True"}""")!.AsObject(), typeof(ContentTypeSettings));

        Assert.True(settings.GetSettings<ContentTypeSettings>().Creatable);
    }

    [Fact]
    public void Normalize_NumericPosition_BecomesTheStringTheClassHolds()
    {
        var settings = SettingsNormalizer.Normalize(JsonNode.Parse("""{"Position": 3}""")!.AsObject(), typeof(ContentTypePartSettings));

        Assert.Equal("3", settings.GetSettings<ContentTypePartSettings>().Position);
    }

    [Fact]
    public void Normalize_FieldKeys_GoToTheFirstClassThatHasThem()
    {
        var settings = SettingsNormalizer.Normalize(
            JsonNode.Parse("""{"DisplayName": "得分", "Required": "True", "Hint": "0-100"}""")!.AsObject(),
            typeof(ContentPartFieldSettings), typeof(NumberFieldSettings));

        Assert.Equal("得分", settings.GetSettings<ContentPartFieldSettings>().DisplayName);
        Assert.True(settings.GetSettings<NumberFieldSettings>().Required);
        Assert.Equal("0-100", settings.GetSettings<NumberFieldSettings>().Hint);
    }

    [Fact]
    public void Normalize_UnknownFlatKey_IsKeptAsWritten()
    {
        var settings = SettingsNormalizer.Normalize(JsonNode.Parse("""{"Custom": 1}""")!.AsObject(), typeof(ContentTypeSettings));

        Assert.Equal(1, settings["Custom"]!.GetValue<int>());
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>One set of field drivers for a test class, plus helpers to validate values and post editor forms.</summary>
public sealed class FieldTestKit : IAsyncDisposable
{
    private readonly ContentPartsHarness _harness = new();
    private readonly AsyncServiceScope _scope;

    public FieldTestKit()
    {
        _scope = _harness.CreateScope();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }

    public IContentFieldDriver Driver(string fieldType)
        => _scope.ServiceProvider.GetServices<IContentFieldDriver>().Single(d => d.FieldType == fieldType);

    /// <summary>A field definition; <paramref name="settings"/> is the settings object as a recipe would write it.</summary>
    public static ContentPartFieldDefinition Field(string fieldType, string settings = "{}", string name = "Value")
        => new()
        {
            Name = name,
            FieldName = fieldType,
            Settings = new JsonObject
            {
                [fieldType + "Settings"] = JsonNode.Parse(settings),
                ["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = "Label" },
            },
        };

    public IReadOnlyList<string> Validate(string fieldType, string? value, string settings = "{}")
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            return [.. Driver(fieldType).Validate(value is null ? null : JsonNode.Parse(value)!.AsObject(), Field(fieldType, settings))];
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>Posts an editor form for the field; returns the stored value and the errors.</summary>
    public async Task<(JsonObject? Value, List<ContentValidationError> Errors)> PostAsync(
        string fieldType, Dictionary<string, StringValues> form, string settings = "{}")
    {
        var item = new ContentItem { ContentType = "Sample" };
        var typePart = new ContentTypePartDefinition { Name = "Sample", PartName = "Sample" };
        var field = Field(fieldType, settings);
        var errors = new List<ContentValidationError>();
        var posted = form.ToDictionary(p => "Sample.Value." + p.Key, p => p.Value);
        await Driver(fieldType).UpdateEditorAsync(new FieldUpdateContext(item, typePart, field, null, "Sample.Value", new FormCollection(posted), errors));
        return (item.GetField("Sample", "Value"), errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _harness.DisposeAsync();
    }
}

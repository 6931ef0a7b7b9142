using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.ContentTypes.Recipes;
using Liaison.ContentTypes.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Tests.Modules.ContentTypes;

/// <summary>Definitions kept in memory, stored as JSON so that tests see what a real store would give back.</summary>
internal sealed class InMemoryDefinitions : IContentDefinitionManager
{
    private ContentDefinitionDocument _document = new();

    public Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync() => Task.FromResult<IReadOnlyList<ContentTypeDefinition>>(Load().Types);

    public Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync() => Task.FromResult<IReadOnlyList<ContentPartDefinition>>(Load().Parts);

    public Task<ContentTypeDefinition?> GetTypeAsync(string name)
        => Task.FromResult(Load().Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)));

    public Task<ContentPartDefinition?> GetPartAsync(string name)
        => Task.FromResult(Load().Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));

    public Task StoreTypeAsync(ContentTypeDefinition type)
    {
        var document = Load();
        document.Types.RemoveAll(t => string.Equals(t.Name, type.Name, StringComparison.OrdinalIgnoreCase));
        document.Types.Add(type);
        _document = document;
        return Task.CompletedTask;
    }

    public Task StorePartAsync(ContentPartDefinition part)
    {
        var document = Load();
        document.Parts.RemoveAll(p => string.Equals(p.Name, part.Name, StringComparison.OrdinalIgnoreCase));
        document.Parts.Add(part);
        _document = document;
        return Task.CompletedTask;
    }

    public Task DeleteTypeAsync(string name)
    {
        _document.Types.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return Task.CompletedTask;
    }

    public string Json => JsonSerializer.Serialize(_document, ContentItemExtensions.SerializerOptions);

    private ContentDefinitionDocument Load()
        => JsonSerializer.Deserialize<ContentDefinitionDocument>(Json, ContentItemExtensions.SerializerOptions)!;
}

internal sealed class FakeFieldDriver(string fieldType) : IContentFieldDriver
{
    public string FieldType => fieldType;

    public DisplayResult? BuildDisplay(FieldDisplayContext context) => null;

    public DisplayResult? BuildEditor(FieldEditorContext context) => null;

    public Task UpdateEditorAsync(FieldUpdateContext context) => Task.CompletedTask;

    public IEnumerable<string> Validate(JsonObject? value, ContentPartFieldDefinition field) => [];
}

internal sealed class FakePartDriver(string partName) : IContentPartDriver
{
    public string PartName => partName;

    public DisplayResult? BuildDisplay(PartDisplayContext context) => null;

    public DisplayResult? BuildEditor(PartEditorContext context) => null;

    public Task UpdateEditorAsync(PartUpdateContext context) => Task.CompletedTask;
}

/// <summary>Puts this test assembly in the catalog, so that <see cref="NumberFieldSettings"/> is found by its name.</summary>
internal sealed class TestSettingsModule : LiaisonModule;

/// <summary>A field type's settings class, found by the Orchard naming rule (NumberField → NumberFieldSettings).</summary>
public sealed class NumberFieldSettings
{
    public bool Required { get; set; }

    public string? Hint { get; set; }

    public int Scale { get; set; }

    public decimal? Minimum { get; set; }
}

internal static class DefinitionStepFactory
{
    public static ContentDefinitionStep Create(InMemoryDefinitions definitions)
        => new(
            definitions,
            [new FakeFieldDriver("TextField"), new FakeFieldDriver("NumberField")],
            [new FakePartDriver("TitlePart"), new FakePartDriver("AutoroutePart")],
            new FieldSettingsTypes(new ModuleCatalog([new TestSettingsModule()])),
            new NullLocalizer<ContentDefinitionStep>());

    public static RecipeStepContext Step(string json) => new("test", 1, RecipeParser.Parse(json));
}

internal sealed class NullLocalizer<T> : IStringLocalizer<T>
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments]
        => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiaisonSite.Core.ContentManagement.Metadata;

/// <summary>A content type: a name, settings and the parts it is made of, in order.</summary>
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public List<ContentTypePartDefinition> Parts { get; set; } = [];

    public ContentTypeSettings TypeSettings => Settings.GetSettings<ContentTypeSettings>();

    /// <summary>Whether the type uses the part (by its part name, as a module that owns the part asks).</summary>
    public bool HasPart(string partName) => Parts.Any(p => p.PartName == partName);
}

/// <summary>A part as used by a type. <see cref="Name"/> differs from <see cref="PartName"/> for named parts.</summary>
public sealed class ContentTypePartDefinition
{
    public string Name { get; set; } = "";

    public string PartName { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public int Position => int.TryParse(Settings.GetSettings<ContentTypePartSettings>().Position, out var p) ? p : 0;
}

/// <summary>A part: code-backed (TitlePart) or made only of fields (a type's own part).</summary>
public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public List<ContentPartFieldDefinition> Fields { get; set; } = [];
}

/// <summary>A field on a part: its name, its field type (TextField, NumericField, …) and its settings.</summary>
public sealed class ContentPartFieldDefinition
{
    public string Name { get; set; } = "";

    public string FieldName { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public ContentPartFieldSettings FieldSettings => Settings.GetSettings<ContentPartFieldSettings>();

    public string DisplayName => string.IsNullOrWhiteSpace(FieldSettings.DisplayName) ? Name : FieldSettings.DisplayName!;

    public int Position => int.TryParse(FieldSettings.Position, out var p) ? p : 0;
}

/// <summary>The whole set of definitions, stored as one document.</summary>
public sealed class ContentDefinitionDocument
{
    /// <summary>The document's key in <see cref="Data.IDocumentStore"/>.</summary>
    public const string DocumentKey = "ContentDefinition";

    public List<ContentTypeDefinition> Types { get; set; } = [];

    public List<ContentPartDefinition> Parts { get; set; } = [];
}

public static class SettingsExtensions
{
    /// <summary>Settings are stored as <c>{"ContentTypeSettings": {...}}</c>, keyed by the settings class name.</summary>
    public static T GetSettings<T>(this JsonObject settings) where T : new()
        => settings[typeof(T).Name] is JsonObject node
            ? node.Deserialize<T>(ContentItemExtensions.SerializerOptions) ?? new T()
            : new T();

    public static void SetSettings<T>(this JsonObject settings, T value)
        => settings[typeof(T).Name] = JsonSerializer.SerializeToNode(value, ContentItemExtensions.SerializerOptions);
}

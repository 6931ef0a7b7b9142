using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.ContentParts.Fields;

/// <summary>Settings every field type has (BooleanField is never required).</summary>
public interface IFieldSettings
{
    string? Hint { get; }

    bool Required { get; }
}

public sealed record FieldDisplayModel<TField, TSettings>(
    ContentItem ContentItem, ContentPartFieldDefinition Definition, TField Field, TSettings Settings, string DisplayType)
{
    public string Label => Definition.DisplayName;
}

/// <summary>What the editor views need besides the value: a label, a hint and ids that tie them together.</summary>
public interface IFieldEditModel
{
    string Prefix { get; }

    string Id { get; }

    string Label { get; }

    string? Hint { get; }

    bool Required { get; }

    string? HintId { get; }
}

public sealed record FieldEditModel<TField, TSettings>(
    ContentItem ContentItem, ContentPartFieldDefinition Definition, TField Field, TSettings Settings, string Prefix) : IFieldEditModel
    where TSettings : IFieldSettings
{
    public string Id => Prefix.Replace('.', '_');

    public string Label => Definition.DisplayName;

    public string? Hint => string.IsNullOrWhiteSpace(Settings.Hint) ? null : Settings.Hint;

    public bool Required => Settings.Required;

    public string? HintId => Hint is null ? null : Id + "_hint";

    /// <summary>The form name of one of the field's properties: "Part.Field.Text".</summary>
    public string Name(string property) => $"{Prefix}.{property}";
}

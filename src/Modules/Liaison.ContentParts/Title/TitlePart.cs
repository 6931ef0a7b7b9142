using System.Text.Json.Serialization;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.ContentParts.Title;

public sealed class TitlePart : ContentPart
{
    public const int MaxLength = 1024;

    public string? Title { get; set; }
}

/// <summary>How the title is entered. Orchard recipes write these as names or as numbers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TitlePartOptions>))]
public enum TitlePartOptions
{
    /// <summary>Typed by the editor, required (every public item needs a heading).</summary>
    Editable = 0,

    /// <summary>Generated from <see cref="TitlePartSettings.Pattern"/>, shown read-only.</summary>
    GeneratedDisabled = 1,

    /// <summary>Generated from <see cref="TitlePartSettings.Pattern"/>, not shown.</summary>
    GeneratedHidden = 2,

    /// <summary>Same as <see cref="Editable"/>; Orchard's name for a required title.</summary>
    EditableRequired = 3,

    /// <summary>Typed by the editor, may be left empty.</summary>
    EditableOptional = 4,
}

public sealed class TitlePartSettings
{
    public TitlePartOptions Options { get; set; }

    /// <summary>Liquid pattern for generated titles, e.g. <c>{{ ContentItem.Content.Talk.Date.Value }}</c>.</summary>
    public string? Pattern { get; set; }

    public bool IsGenerated => Options is TitlePartOptions.GeneratedDisabled or TitlePartOptions.GeneratedHidden;

    public bool IsRequired => Options is TitlePartOptions.Editable or TitlePartOptions.EditableRequired;
}

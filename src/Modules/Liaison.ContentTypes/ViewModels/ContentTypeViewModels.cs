using Liaison.ContentTypes.Services;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.ContentTypes.ViewModels;

public sealed class TypeEditViewModel
{
    public required ContentTypeDefinition Type { get; init; }

    /// <summary>The type's own part (its fields), null when it has none yet.</summary>
    public ContentPartDefinition? OwnPart { get; init; }

    public IReadOnlyList<string> AvailableParts { get; init; } = [];

    public IReadOnlyList<string> FieldTypes { get; init; } = [];

    public bool HasItems { get; init; }
}

public sealed class FieldEditViewModel
{
    public required ContentTypeDefinition Type { get; init; }

    public required ContentPartFieldDefinition Field { get; init; }

    public IReadOnlyList<FieldSettingInput> Inputs { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];
}

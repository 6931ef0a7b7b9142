using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.Recipes.ViewModels;

public sealed class ExportViewModel
{
    public IReadOnlyList<ContentTypeDefinition> Types { get; init; } = [];
}

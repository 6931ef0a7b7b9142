using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Recipes;

namespace Liaison.Recipes.ViewModels;

public sealed class ExportViewModel
{
    public IReadOnlyList<ContentTypeDefinition> Types { get; init; } = [];

    /// <summary>What other modules add to an export (roles, settings, media …), each a checkbox.</summary>
    public IReadOnlyList<IRecipeStepExporter> Steps { get; init; } = [];

    /// <summary>The display names of the private types whose items never leave the site in a recipe.</summary>
    public IReadOnlyList<string> PrivateTypes { get; init; } = [];
}

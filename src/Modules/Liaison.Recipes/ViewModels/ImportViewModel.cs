namespace Liaison.Recipes.ViewModels;

/// <summary>The import page: the report of the recipe just imported (steps skipped, data dropped), if any.</summary>
public sealed class ImportViewModel
{
    public IReadOnlyList<string> Report { get; init; } = [];
}

using System.Reflection;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Upgrades;

/// <summary>What a step works with: the upgrade's scope (its LiaisonDbContext is inside the step's transaction) and helpers.</summary>
public sealed class UpgradeContext(IServiceProvider services)
{
    public IServiceProvider Services { get; } = services;

    /// <summary>
    /// Runs recipe steps (e.g. a ContentDefinition step) embedded in the step's assembly as <paramref name="resourceSuffix"/>
    /// (e.g. "Upgrades.PublicNotice.recipe.json"); recipe steps are idempotent, so a type that exists is merged.
    /// </summary>
    public async Task RunRecipeAsync(Assembly assembly, string resourceSuffix, CancellationToken cancellationToken)
    {
        var name = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(resourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource ending in '{resourceSuffix}'.");
        await using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        await Services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(await reader.ReadToEndAsync(cancellationToken), new RecipeRunOptions(), cancellationToken);
    }

    /// <summary>Adds grants to roles, keeping those they have.</summary>
    public Task GrantAsync(IEnumerable<DefaultRoleGrant> grants) => Services.GetRequiredService<IRoleDefaults>().AddGrantsAsync(grants);

    /// <summary>Takes a permission away from a role (nothing when it does not hold it).</summary>
    public Task RevokeAsync(string role, Permission permission) => Services.GetRequiredService<IRoleDefaults>().RevokeAsync(role, permission.Name);
}

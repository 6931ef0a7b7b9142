using LiaisonSite.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Upgrades;

/// <summary>
/// One numbered upgrade step of a module (Orchard's data migrations): create its content types, add its default
/// role grants, move data. At start the kernel runs the steps a database has not had yet, module by module in
/// catalog order and step by step in number order, each once per database (recorded in ModuleUpgrades), each in its
/// own transaction. Steps live in the module's <c>Upgrades/</c> folder; a step, once shipped, never changes — a
/// later change is a new step with the next number.
/// </summary>
public interface IUpgradeStep
{
    /// <summary>The module the step belongs to: its assembly name (e.g. "Liaison.Notices").</summary>
    string Module => GetType().Assembly.GetName().Name!;

    /// <summary>1, 2, 3 … within the module.</summary>
    int Number { get; }

    /// <summary>What the step does, for the log and the ModuleUpgrades table (English).</summary>
    string Description { get; }

    /// <summary>
    /// True for a step that only does what setup did before module upgrades existed (types and grants from the setup
    /// recipe and the modules' default grants): on a site set up before then it is recorded without running, so that
    /// grants an administrator has taken away since are not given back.
    /// </summary>
    bool Baseline => false;

    Task RunAsync(UpgradeContext context, CancellationToken cancellationToken);
}

public static class UpgradeServiceCollectionExtensions
{
    /// <summary>Declares an upgrade step (created in the upgrade's scope).</summary>
    public static IServiceCollection AddUpgradeStep<TStep>(this IServiceCollection services)
        where TStep : class, IUpgradeStep
    {
        services.AddScoped<IUpgradeStep, TStep>();
        return services;
    }

    /// <summary>
    /// Declares the step that gives a module's default role grants (<see cref="IPermissionProvider.GetDefaultGrants"/>)
    /// to a site that did not have the module: step <paramref name="number"/> of <typeparamref name="TPermissions"/>'s module.
    /// </summary>
    public static IServiceCollection AddDefaultGrantsUpgrade<TPermissions>(this IServiceCollection services, int number = 1)
        where TPermissions : IPermissionProvider, new()
    {
        services.AddScoped<IUpgradeStep>(_ => new DefaultGrantsUpgrade(new TPermissions(), number));
        return services;
    }
}

/// <summary>Adds a module's default grants, keeping every grant the roles have.</summary>
internal sealed class DefaultGrantsUpgrade(IPermissionProvider permissions, int number) : IUpgradeStep
{
    public string Module => permissions.GetType().Assembly.GetName().Name!;

    public int Number => number;

    public string Description => "Default role grants";

    public bool Baseline => true;

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.GrantAsync(permissions.GetDefaultGrants());
}

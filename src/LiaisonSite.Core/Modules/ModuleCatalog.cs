using System.Reflection;

namespace LiaisonSite.Core.Modules;

/// <summary>The modules of a site in the order given; fails at start when a dependency is missing or late.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<LiaisonModule> modules)
    {
        Modules = [.. modules];
        var seen = new HashSet<Type>();
        foreach (var module in Modules)
        {
            foreach (var dependency in module.Dependencies)
            {
                if (!seen.Contains(dependency))
                {
                    throw new InvalidOperationException(
                        $"Module '{module.Name}' depends on '{dependency.Name}', which must be listed before it in the catalog.");
                }
            }

            if (!seen.Add(module.GetType()))
            {
                throw new InvalidOperationException($"Module '{module.Name}' is listed twice.");
            }
        }
    }

    public IReadOnlyList<LiaisonModule> Modules { get; }

    public IEnumerable<Assembly> Assemblies => Modules.Select(m => m.GetType().Assembly).Distinct();
}

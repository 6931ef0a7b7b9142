using System.Reflection;
using LiaisonSite.Core.Modules;

namespace Liaison.ContentTypes.Services;

/// <summary>
/// Finds a field type's settings class by Orchard's naming rule: TextField → TextFieldSettings, in any module.
/// The recipe step coerces its values and the type editor builds its inputs from its properties.
/// </summary>
internal sealed class FieldSettingsTypes(ModuleCatalog catalog)
{
    private readonly Lazy<Dictionary<string, Type>> _byName = new(() => catalog.Assemblies
        .Append(typeof(LiaisonModule).Assembly)
        .Distinct()
        .SelectMany(SafeTypes)
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("FieldSettings", StringComparison.Ordinal)
            && t.GetConstructor(Type.EmptyTypes) is not null)
        .GroupBy(t => t.Name)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The settings class of a field type, or null when the field type has none.</summary>
    public Type? For(string fieldType) => _byName.Value.GetValueOrDefault(fieldType + "Settings");

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}

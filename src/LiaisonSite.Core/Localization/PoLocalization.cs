using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using LiaisonSite.Core.Modules;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Localization;

/// <summary>
/// Strings are written in English in code (<c>S["Save draft"]</c>) and translated by gettext PO files embedded in
/// each module as <c>Localization/{culture}.po</c>. A missing translation shows the English text.
/// </summary>
public sealed class PoStringLocalizerFactory(ModuleCatalog catalog) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _cultures = new();

    public IStringLocalizer Create(Type resourceSource) => new PoStringLocalizer(this);

    public IStringLocalizer Create(string baseName, string location) => new PoStringLocalizer(this);

    internal IReadOnlyDictionary<string, string> GetTranslations(CultureInfo culture)
        => _cultures.GetOrAdd(culture.Name, _ => Load(culture));

    private Dictionary<string, string> Load(CultureInfo culture)
    {
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        var assemblies = catalog.Assemblies.Prepend(typeof(PoStringLocalizerFactory).Assembly).Distinct();
        foreach (var assembly in assemblies)
        {
            foreach (var name in CandidateNames(culture))
            {
                var resource = assembly.GetManifestResourceNames()
                    .FirstOrDefault(r => r.EndsWith(".Localization." + name + ".po", StringComparison.OrdinalIgnoreCase));
                if (resource is null)
                {
                    continue;
                }

                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                foreach (var (key, value) in PoParser.Parse(reader.ReadToEnd()))
                {
                    translations.TryAdd(key, value);
                }

                break;
            }
        }

        return translations;
    }

    private static IEnumerable<string> CandidateNames(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            yield return c.Name;
        }
    }
}

internal sealed class PoStringLocalizer(PoStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = factory.GetTranslations(CultureInfo.CurrentUICulture).TryGetValue(name, out var value);
            return new LocalizedString(name, found ? value! : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
        => factory.GetTranslations(CultureInfo.CurrentUICulture).Select(kv => new LocalizedString(kv.Key, kv.Value));
}

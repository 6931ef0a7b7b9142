using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using LiaisonSite.Core.Modules;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Localization;

/// <summary>
/// Strings are written in English in code (<c>S["Save draft"]</c>) and translated by gettext PO files embedded in
/// each module as <c>Localization/{culture}.po</c>. Translations are per module: a localizer of a module's type (or a
/// view of that module) looks in the module's own file first, so the same English word can mean different things in
/// two modules ("Post": 职务 in Organization, 发表 elsewhere). An entry with <c>msgctxt "Liaison.X"</c> belongs to module
/// Liaison.X wherever it is written. What a module's file lacks comes from the merged plain entries of all files (the
/// kernel's first, then the modules in catalog order); a missing translation shows the English text.
/// </summary>
public sealed class PoStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly Func<CultureInfo, IEnumerable<(string Module, string Text)>> _sources;

    private readonly ConcurrentDictionary<string, PoTranslations> _cultures = new();

    public PoStringLocalizerFactory(ModuleCatalog catalog)
        : this(culture => ReadEmbedded(catalog, culture))
    {
    }

    /// <summary>For tests: the PO texts of each module for a culture, kernel first.</summary>
    internal PoStringLocalizerFactory(Func<CultureInfo, IEnumerable<(string Module, string Text)>> sources) => _sources = sources;

    public IStringLocalizer Create(Type resourceSource) => ForModule(resourceSource.Assembly.GetName().Name);

    public IStringLocalizer Create(string baseName, string location) => ForModule(null);

    /// <summary>A localizer that prefers the module's own translations (null: the merged ones only).</summary>
    public IStringLocalizer ForModule(string? module) => new PoStringLocalizer(this, module);

    internal PoTranslations GetTranslations(CultureInfo culture)
        => _cultures.GetOrAdd(culture.Name, _ => Load(culture));

    private PoTranslations Load(CultureInfo culture)
    {
        var translations = new PoTranslations();
        foreach (var (module, text) in _sources(culture))
        {
            foreach (var entry in PoParser.Entries(text))
            {
                translations.Of(entry.Context ?? module).TryAdd(entry.Id, entry.Text);
                if (entry.Context is null)
                {
                    translations.Merged.TryAdd(entry.Id, entry.Text);
                }
            }
        }

        return translations;
    }

    private static IEnumerable<(string Module, string Text)> ReadEmbedded(ModuleCatalog catalog, CultureInfo culture)
    {
        var assemblies = catalog.Assemblies.Prepend(typeof(PoStringLocalizerFactory).Assembly).Distinct();
        foreach (var assembly in assemblies)
        {
            if (Read(assembly, culture) is { } text)
            {
                yield return (assembly.GetName().Name!, text);
            }
        }
    }

    private static string? Read(Assembly assembly, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            var resource = assembly.GetManifestResourceNames()
                .FirstOrDefault(r => r.EndsWith(".Localization." + c.Name + ".po", StringComparison.OrdinalIgnoreCase));
            if (resource is not null)
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return reader.ReadToEnd();
            }
        }

        return null;
    }
}

/// <summary>One culture's translations: each module's own, and the plain entries of all files merged.</summary>
internal sealed class PoTranslations
{
    private readonly Dictionary<string, Dictionary<string, string>> _modules = new(StringComparer.Ordinal);

    public Dictionary<string, string> Merged { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Of(string module)
    {
        if (!_modules.TryGetValue(module, out var entries))
        {
            _modules[module] = entries = new(StringComparer.Ordinal);
        }

        return entries;
    }

    public bool TryGet(string? module, string id, out string text)
    {
        if (module is not null && _modules.TryGetValue(module, out var own) && own.TryGetValue(id, out text!))
        {
            return true;
        }

        return Merged.TryGetValue(id, out text!);
    }
}

internal sealed class PoStringLocalizer(PoStringLocalizerFactory factory, string? module) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = factory.GetTranslations(CultureInfo.CurrentUICulture).TryGet(module, name, out var value);
            return new LocalizedString(name, found ? value : name, resourceNotFound: !found);
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
        => factory.GetTranslations(CultureInfo.CurrentUICulture).Merged.Select(kv => new LocalizedString(kv.Key, kv.Value));
}

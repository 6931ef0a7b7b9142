using System.Collections.Concurrent;
using LiaisonSite.Core.Modules;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Localization;

/// <summary>
/// The view localizer (T in views): translated with the translations of the module (or theme) that the executing view comes
/// from, found by the view's path among the compiled views (themes first, as MVC picks them).
/// </summary>
internal sealed class PoViewLocalizer(PoStringLocalizerFactory factory, ViewModules modules) : IViewLocalizer, IViewContextAware
{
    private IHtmlLocalizer _html = new HtmlLocalizer(factory.ForModule(null));

    public LocalizedHtmlString this[string name] => _html[name];

    public LocalizedHtmlString this[string name, params object[] arguments] => _html[name, arguments];

    public void Contextualize(ViewContext viewContext)
        => _html = new HtmlLocalizer(factory.ForModule(modules.ModuleOf(viewContext.ExecutingFilePath)));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _html.GetAllStrings(includeParentCultures);

    public LocalizedString GetString(string name) => _html.GetString(name);

    public LocalizedString GetString(string name, params object[] arguments) => _html.GetString(name, arguments);
}

/// <summary>Which module's assembly a compiled view path belongs to.</summary>
internal sealed class ViewModules(ModuleCatalog catalog)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _paths = new(() => Map(catalog));

    private readonly ConcurrentDictionary<string, string?> _misses = new(StringComparer.OrdinalIgnoreCase);

    public string? ModuleOf(string? viewPath)
        => viewPath is null ? null
            : _paths.Value.TryGetValue(viewPath, out var module) ? module
            : _misses.GetOrAdd(viewPath, _ => null);

    private static Dictionary<string, string> Map(ModuleCatalog catalog)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var assemblies = catalog.Modules.Where(m => m.IsTheme).Concat(catalog.Modules.Where(m => !m.IsTheme))
            .Select(m => m.GetType().Assembly)
            .Append(typeof(ViewModules).Assembly)
            .Distinct();
        var loader = new RazorCompiledItemLoader();
        foreach (var assembly in assemblies)
        {
            foreach (var item in loader.LoadItems(assembly))
            {
                map.TryAdd(item.Identifier, assembly.GetName().Name!);
            }
        }

        return map;
    }
}

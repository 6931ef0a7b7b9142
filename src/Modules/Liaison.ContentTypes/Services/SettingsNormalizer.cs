using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liaison.ContentTypes.Services;

/// <summary>
/// Brings definition settings into one shape, <c>{"ContentTypeSettings": {"Creatable": true}}</c>, from either that
/// shape or Orchard's legacy ones: flat <c>{"Creatable": "True"}</c> and dotted <c>{"ContentTypeSettings.Creatable": "True"}</c>.
/// Values of known settings classes get the property's JSON type ("True" → true, 0 → "0" for a string Position).
/// </summary>
internal static class SettingsNormalizer
{
    /// <param name="settings">The settings as written in the recipe (may be null).</param>
    /// <param name="classes">Settings classes that flat keys may belong to, first match wins (e.g. ContentPartFieldSettings, TextFieldSettings).</param>
    public static JsonObject Normalize(JsonObject? settings, params Type?[] classes)
    {
        var known = classes.OfType<Type>().ToList();
        var result = new JsonObject();
        foreach (var (key, value) in settings ?? [])
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                Section(result, key[..dot], known)[key[(dot + 1)..]] = value?.DeepClone();
            }
            else if (value is JsonObject nested && key.EndsWith("Settings", StringComparison.OrdinalIgnoreCase))
            {
                var section = Section(result, key, known);
                foreach (var (name, inner) in nested)
                {
                    section[name] = inner?.DeepClone();
                }
            }
            else if (known.FirstOrDefault(c => FindProperty(c, key) is not null) is { } owner)
            {
                Section(result, owner.Name, known)[key] = value?.DeepClone();
            }
            else
            {
                // Not ours to understand: kept as written so that nothing in the recipe is lost.
                result[key] = value?.DeepClone();
            }
        }

        foreach (var type in known)
        {
            if (result[type.Name] is JsonObject section)
            {
                result[type.Name] = Coerce(section, type);
            }
        }

        return result;
    }

    /// <summary>
    /// Orchard's legacy flat settings of the parts it ships, by part name: older recipes write a type's AutoroutePart
    /// settings as <c>{"Pattern": …, "AllowCustomPath": "True", "Position": "1"}</c>, beside the position, instead of
    /// under <c>AutoroutePartSettings</c>. The part classes live in other modules, so the keys and their JSON kinds are
    /// listed here (true = a boolean, false = a number, null = kept as written).
    /// </summary>
    private static readonly Dictionary<string, (string Section, Dictionary<string, bool?> Keys)> s_legacyPartSettings =
        new(StringComparer.Ordinal)
        {
            ["AutoroutePart"] = ("AutoroutePartSettings", new(StringComparer.OrdinalIgnoreCase)
            {
                ["Pattern"] = null, ["AllowCustomPath"] = true, ["ShowHomepageOption"] = true, ["AllowUpdatePath"] = true,
                ["AllowDisabled"] = true, ["AllowRouteContainedItems"] = true, ["ManageContainedItemRoutes"] = true,
                ["AllowAbsolutePath"] = true,
            }),
            ["TitlePart"] = ("TitlePartSettings", new(StringComparer.OrdinalIgnoreCase) { ["Options"] = null, ["Pattern"] = null, ["RenderTitle"] = true }),
            ["ListPart"] = ("ListPartSettings", new(StringComparer.OrdinalIgnoreCase)
            {
                ["PageSize"] = false, ["ContainedContentTypes"] = null, ["EnableOrdering"] = true, ["ShowHeader"] = true,
            }),
            ["BagPart"] = ("BagPartSettings", new(StringComparer.OrdinalIgnoreCase) { ["ContainedContentTypes"] = null, ["DisplayType"] = null }),
            ["FlowPart"] = ("FlowPartSettings", new(StringComparer.OrdinalIgnoreCase) { ["ContainedContentTypes"] = null }),
            ["HtmlBodyPart"] = ("HtmlBodyPartSettings", new(StringComparer.OrdinalIgnoreCase) { ["SanitizeHtml"] = true }),
            ["MarkdownBodyPart"] = ("MarkdownBodyPartSettings", new(StringComparer.OrdinalIgnoreCase) { ["SanitizeHtml"] = true }),
        };

    /// <summary>
    /// A type-part record's settings: <see cref="Normalize"/> with <paramref name="typePartSettings"/> (the position …),
    /// then Orchard's legacy flat settings of the part moved under the part's settings section (e.g. a flat
    /// <c>"AllowCustomPath": "True"</c> of an AutoroutePart becomes <c>{"AutoroutePartSettings": {"AllowCustomPath": true}}</c>).
    /// A value the nested section already has wins over a flat one.
    /// </summary>
    public static JsonObject NormalizeTypePart(JsonObject? settings, string partName, Type typePartSettings)
    {
        var result = Normalize(settings, typePartSettings);
        if (!s_legacyPartSettings.TryGetValue(partName, out var legacy))
        {
            return result;
        }

        foreach (var key in result.Select(p => p.Key).Where(legacy.Keys.ContainsKey).ToList())
        {
            var value = result[key];
            result.Remove(key);
            var canonical = legacy.Keys.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            var section = Section(result, legacy.Section, []);
            if (section[canonical] is null)
            {
                section[canonical] = legacy.Keys[canonical] switch
                {
                    true => Convert(value, typeof(bool)),
                    false => Convert(value, typeof(int)),
                    null => value?.DeepClone(),
                };
            }
        }

        return result;
    }

    /// <summary>The values of a settings object converted to the JSON types of the class's properties.</summary>
    public static JsonObject Coerce(JsonObject section, Type type)
    {
        var coerced = new JsonObject();
        foreach (var (key, value) in section)
        {
            var property = FindProperty(type, key);
            coerced[property?.Name ?? key] = property is null ? value?.DeepClone() : Convert(value, property.PropertyType);
        }

        return coerced;
    }

    public static PropertyInfo? FindProperty(Type type, string name)
        => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true } p ? p : null;

    private static JsonObject Section(JsonObject result, string name, List<Type> known)
    {
        var canonical = known.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? name;
        if (result[canonical] is not JsonObject section)
        {
            section = [];
            result[canonical] = section;
        }

        return section;
    }

    private static JsonNode? Convert(JsonNode? value, Type target)
    {
        if (value is not JsonValue scalar)
        {
            return value?.DeepClone();
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        var text = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        if (target == typeof(bool) && bool.TryParse(text, out var b))
        {
            return JsonValue.Create(b);
        }

        if (target == typeof(string))
        {
            return JsonValue.Create(text);
        }

        if ((target == typeof(int) || target == typeof(long) || target == typeof(double) || target == typeof(decimal))
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return value.DeepClone();
    }
}

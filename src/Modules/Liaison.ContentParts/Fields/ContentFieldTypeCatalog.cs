using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Fields;

/// <summary>A field type the site can store, edit and show, with the class of its settings (<c>TextFieldSettings</c> …).</summary>
public sealed record ContentFieldTypeInfo(string Name, Type? SettingsType);

/// <summary>What the content type editor may offer: field types, and parts that come with code.</summary>
public interface IContentFieldTypeCatalog
{
    IReadOnlyList<ContentFieldTypeInfo> FieldTypes { get; }

    IReadOnlyList<string> CodePartNames { get; }
}

internal interface ITypedFieldDriver
{
    Type SettingsType { get; }
}

internal sealed class ContentFieldTypeCatalog(IEnumerable<IContentFieldDriver> fieldDrivers, IEnumerable<IContentPartDriver> partDrivers)
    : IContentFieldTypeCatalog
{
    public IReadOnlyList<ContentFieldTypeInfo> FieldTypes { get; } =
        [.. fieldDrivers.Select(d => new ContentFieldTypeInfo(d.FieldType, (d as ITypedFieldDriver)?.SettingsType)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public IReadOnlyList<string> CodePartNames { get; } = [.. partDrivers.Select(d => d.PartName).Order(StringComparer.Ordinal)];
}

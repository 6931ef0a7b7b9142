using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.AspNetCore.Http;

namespace LiaisonSite.Core.Display;

/// <summary>
/// A piece of a page: a Razor view (found by the normal view lookup, so a theme can override it) and its model. From a
/// driver, <see cref="Position"/> is an offset within the part's place (a part at p, its fields at p + 1, p + 2, …):
/// 99 puts a part's piece after its fields.
/// </summary>
public sealed record DisplayResult(string ViewName, object Model, int Position = 0);

/// <summary>Gives a code-backed part (TitlePart, AutoroutePart, …) a display and an editor.</summary>
public interface IContentPartDriver
{
    string PartName { get; }

    DisplayResult? BuildDisplay(PartDisplayContext context);

    DisplayResult? BuildEditor(PartEditorContext context);

    /// <summary>Reads the posted form into the item. Rule checks belong in content handlers so that the API shares them.</summary>
    Task UpdateEditorAsync(PartUpdateContext context);
}

/// <summary>Gives a field type (TextField, NumericField, …) a display, an editor and validation from its settings.</summary>
public interface IContentFieldDriver
{
    string FieldType { get; }

    DisplayResult? BuildDisplay(FieldDisplayContext context);

    DisplayResult? BuildEditor(FieldEditorContext context);

    Task UpdateEditorAsync(FieldUpdateContext context);

    /// <summary>Errors for a stored field value (null when absent) against the field's settings.</summary>
    IEnumerable<string> Validate(JsonObject? value, ContentPartFieldDefinition field);
}

/// <summary>"Detail" (its own page), "Summary" (in a list) or "Preview".</summary>
public record PartDisplayContext(ContentItem ContentItem, ContentTypePartDefinition TypePart, string DisplayType);

public record PartEditorContext(ContentItem ContentItem, ContentTypePartDefinition TypePart, string Prefix);

public sealed record PartUpdateContext(
    ContentItem ContentItem, ContentTypePartDefinition TypePart, string Prefix, IFormCollection Form, List<ContentValidationError> Errors)
    : PartEditorContext(ContentItem, TypePart, Prefix);

public record FieldDisplayContext(
    ContentItem ContentItem, ContentTypePartDefinition TypePart, ContentPartFieldDefinition Field, JsonObject? Value, string DisplayType);

public record FieldEditorContext(
    ContentItem ContentItem, ContentTypePartDefinition TypePart, ContentPartFieldDefinition Field, JsonObject? Value, string Prefix);

public sealed record FieldUpdateContext(
    ContentItem ContentItem, ContentTypePartDefinition TypePart, ContentPartFieldDefinition Field, JsonObject? Value, string Prefix,
    IFormCollection Form, List<ContentValidationError> Errors)
    : FieldEditorContext(ContentItem, TypePart, Field, Value, Prefix);

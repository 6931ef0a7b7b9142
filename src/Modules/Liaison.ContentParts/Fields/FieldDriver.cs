using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

/// <summary>
/// What every field type does the same way: read the stored JSON into the field class, give views a typed model,
/// write the edited value back to <c>Content[part][field]</c>, and turn settings into validation errors.
/// </summary>
internal abstract class FieldDriver<TField, TSettings>(IStringLocalizer localizer) : IContentFieldDriver, ITypedFieldDriver
    where TField : class, new()
    where TSettings : class, IFieldSettings, new()
{
    protected IStringLocalizer S { get; } = localizer;

    public Type SettingsType => typeof(TSettings);

    public string FieldType => typeof(TField).Name;

    public virtual DisplayResult? BuildDisplay(FieldDisplayContext context)
    {
        var field = TryRead(context.Value);
        if (context.DisplayType == "Summary" || field is null || IsEmpty(field))
        {
            return null;
        }

        return new(FieldType, new FieldDisplayModel<TField, TSettings>(
            context.ContentItem, context.Field, field, SettingsOf(context.Field), context.DisplayType));
    }

    public DisplayResult? BuildEditor(FieldEditorContext context)
    {
        var settings = SettingsOf(context.Field);
        var field = TryRead(context.Value) ?? NewField(settings);
        return new($"{FieldType}_Edit", new FieldEditModel<TField, TSettings>(context.ContentItem, context.Field, field, settings, context.Prefix));
    }

    public Task UpdateEditorAsync(FieldUpdateContext context)
    {
        var label = context.Field.DisplayName;
        var field = ReadForm(context, SettingsOf(context.Field), label, out var error);
        if (error is not null || field is null)
        {
            context.Errors.Add(new ContentValidationError(error ?? S["{0} has a value that is not valid.", label], context.Prefix));
            return Task.CompletedTask;
        }

        context.ContentItem.GetOrCreatePart(context.TypePart.Name)[context.Field.Name] =
            JsonSerializer.SerializeToNode(field, ContentItemExtensions.SerializerOptions);

        // Kept in the item, so the form shows what was typed next to the message.
        foreach (var message in EditorOnlyErrors(field, SettingsOf(context.Field), label))
        {
            context.Errors.Add(new ContentValidationError(message, context.Prefix));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Rules the editor holds a person to but an import does not (the API and recipes bring data made elsewhere, such
    /// as Orchard's images without alternative texts).
    /// </summary>
    protected virtual IEnumerable<string> EditorOnlyErrors(TField field, TSettings settings, string label) => [];

    public IEnumerable<string> Validate(JsonObject? value, ContentPartFieldDefinition definition)
    {
        TField field;
        try
        {
            field = value?.Deserialize<TField>(ContentItemExtensions.SerializerOptions) ?? new TField();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return [S["{0} has a value that is not valid.", definition.DisplayName]];
        }

        return [.. Validate(field, SettingsOf(definition), definition.DisplayName)];
    }

    protected static TSettings SettingsOf(ContentPartFieldDefinition definition) => definition.Settings.GetSettings<TSettings>();

    /// <summary>A value with nothing in it (what "required" refuses).</summary>
    protected abstract bool IsEmpty(TField field);

    /// <summary>The posted value; null with <paramref name="error"/> set when it cannot be read.</summary>
    protected abstract TField? ReadForm(FieldUpdateContext context, TSettings settings, string label, out string? error);

    protected virtual TField NewField(TSettings settings) => new();

    protected virtual IEnumerable<string> Validate(TField field, TSettings settings, string label)
    {
        if (settings.Required && IsEmpty(field))
        {
            yield return S["{0} is required.", label];
        }
    }

    protected static string Posted(FieldUpdateContext context, string property) => context.Form[$"{context.Prefix}.{property}"].ToString().Trim();

    private static TField? TryRead(JsonObject? value)
    {
        try
        {
            return value?.Deserialize<TField>(ContentItemExtensions.SerializerOptions);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}

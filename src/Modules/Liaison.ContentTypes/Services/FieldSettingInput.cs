namespace Liaison.ContentTypes.Services;

public enum FieldSettingKind
{
    Boolean,
    Number,
    Text,
    Choice,
    Json,
}

/// <summary>One property of a field type's settings class, as the generic settings editor shows it.</summary>
public sealed record FieldSettingInput(string Name, FieldSettingKind Kind, string? Value, IReadOnlyList<string> Choices);

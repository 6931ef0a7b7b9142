namespace LiaisonSite.Core.ContentManagement;

/// <summary>The item was changed by someone else since the caller read it.</summary>
public sealed class ContentConcurrencyException(string message) : Exception(message);

/// <summary>The item is not valid; nothing was saved.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

/// <summary>
/// A part's JSON does not fit its class (a number where TitlePart.Title is text, "2026-13-45" as a date).
/// <see cref="Key"/> names the value ("TitlePart.Title"); the content manager turns this into a
/// <see cref="ContentValidationException"/> so callers answer 400 or show a form error, never a 500.
/// </summary>
public sealed class ContentPartFormatException(string key, Exception inner) : Exception($"'{key}' has a value of the wrong type.", inner)
{
    public string Key { get; } = key;
}

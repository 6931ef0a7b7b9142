namespace LiaisonSite.Core.ContentManagement;

/// <summary>The item was changed by someone else since the caller read it.</summary>
public sealed class ContentConcurrencyException(string message) : Exception(message);

/// <summary>The item is not valid; nothing was saved.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

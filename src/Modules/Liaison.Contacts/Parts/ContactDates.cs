using Liaison.ContentParts;

namespace Liaison.Contacts.Parts;

/// <summary>Whether an assignment runs on a school day (Beijing time).</summary>
public static class ContactDates
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.ToShanghaiTime());

    /// <summary>Started (or no start given) and not ended.</summary>
    public static bool IsActive(DateOnly? start, DateOnly? end, DateOnly today)
        => (start is null || start <= today) && (end is null || end >= today);
}

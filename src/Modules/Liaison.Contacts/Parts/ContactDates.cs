using LiaisonSite.Core.Time;

namespace Liaison.Contacts.Parts;

/// <summary>Whether an assignment runs on a school day (the site's time zone).</summary>
public static class ContactDates
{
    public static DateOnly Today(ISchoolClock clock) => clock.Today;

    /// <summary>Started (or no start given) and not ended.</summary>
    public static bool IsActive(DateOnly? start, DateOnly? end, DateOnly today)
        => (start is null || start <= today) && (end is null || end >= today);
}

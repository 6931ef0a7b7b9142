using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LiaisonSite.Core.Data;

public static class ChangeTrackerExtensions
{
    /// <summary>
    /// The tracked entries of a type as they stand, without <see cref="ChangeTracker.DetectChanges"/>. Plain
    /// <c>Entries()</c> first compares every tracked entity with its snapshot — for content items a deep comparison of
    /// their JSON — so calling it once per item while a unit of work holds a batch of items (a recipe, an import) costs
    /// batch² comparisons. Added and Deleted states and the entities' current values are exact without detection;
    /// only Unchanged-versus-Modified is not, so use this where that difference does not matter.
    /// </summary>
    public static IReadOnlyList<EntityEntry<T>> EntriesAsTracked<T>(this ChangeTracker tracker)
        where T : class
        => WithoutDetecting<EntityEntry<T>>(tracker, () => [.. tracker.Entries<T>()]);

    /// <inheritdoc cref="EntriesAsTracked{T}(ChangeTracker)"/>
    public static IReadOnlyList<EntityEntry> EntriesAsTracked(this ChangeTracker tracker)
        => WithoutDetecting<EntityEntry>(tracker, () => [.. tracker.Entries()]);

    private static IReadOnlyList<TEntry> WithoutDetecting<TEntry>(ChangeTracker tracker, Func<List<TEntry>> read)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}

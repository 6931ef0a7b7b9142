using Liaison.Contents.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Contents.Scheduling;

/// <summary>A refused schedule: the form field the message belongs to ("PublishAt", "UnpublishAt" or "").</summary>
public sealed record ScheduleError(string Field, string Message);

/// <summary>
/// Scheduled publishing (SPEC R14): an editor who may publish an item sets when its latest version is published and/or
/// when it is unpublished; <see cref="ScheduledPublishingJob"/> acts on it at that time through the content manager's
/// own Publish/Unpublish, so the same handlers (output-cache eviction, search indexing) and domain events
/// (<c>Content.Published</c>, which workflows follow) run as for a publish by hand.
/// </summary>
public sealed partial class ScheduledPublishing(
    LiaisonDbContext db,
    IContentManager contents,
    ISchoolClock clock,
    IJobScheduler jobs,
    IStringLocalizer<ScheduledPublishing> S,
    ILogger<ScheduledPublishing> logger)
{
    public const string PublishField = "PublishAt";
    public const string UnpublishField = "UnpublishAt";

    public Task<ContentSchedule?> GetAsync(string contentItemId, CancellationToken cancellationToken = default)
        => db.Set<ContentSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The schedules of the given items, by item id (for the content list).</summary>
    public async Task<IReadOnlyDictionary<string, ContentSchedule>> ForItemsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0)
        {
            return new Dictionary<string, ContentSchedule>();
        }

        return await db.Set<ContentSchedule>().AsNoTracking().Where(s => list.Contains(s.ContentItemId))
            .ToDictionaryAsync(s => s.ContentItemId, cancellationToken);
    }

    /// <summary>
    /// Checks and stores the item's schedule (times in school time, as typed). Returns the errors and stores nothing
    /// when a time is past, the withdrawal is not after the publication, or there is nothing to act on.
    /// The caller has authorized Publish on the item and saves.
    /// </summary>
    public async Task<IReadOnlyList<ScheduleError>> ScheduleAsync(
        ContentItem latest, DateTime? publishAtLocal, DateTime? unpublishAtLocal, string userName, CancellationToken cancellationToken = default)
    {
        var errors = new List<ScheduleError>();
        var now = clock.UtcNow;
        var publishUtc = publishAtLocal is { } p ? clock.ToUtc(p) : (DateTime?)null;
        var unpublishUtc = unpublishAtLocal is { } u ? clock.ToUtc(u) : (DateTime?)null;
        if (publishUtc is null && unpublishUtc is null)
        {
            errors.Add(new(PublishField, S["Set a publish time, an unpublish time or both."]));
        }

        if (publishUtc <= now)
        {
            errors.Add(new(PublishField, S["The publish time must be in the future."]));
        }
        else if (publishUtc is not null && latest.Published)
        {
            errors.Add(new(PublishField, S["The latest version is already published: save a draft first, then schedule its publication."]));
        }

        if (unpublishUtc <= now)
        {
            errors.Add(new(UnpublishField, S["The unpublish time must be in the future."]));
        }
        else if (unpublishUtc is not null && publishUtc is not null && unpublishUtc <= publishUtc)
        {
            errors.Add(new(UnpublishField, S["The unpublish time must be after the publish time."]));
        }
        else if (unpublishUtc is not null && publishUtc is null
            && await contents.GetAsync(latest.ContentItemId, VersionOptions.Published) is null)
        {
            errors.Add(new(UnpublishField, S["The item is not published: set a publish time as well."]));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var schedule = await db.Set<ContentSchedule>().FirstOrDefaultAsync(s => s.ContentItemId == latest.ContentItemId, cancellationToken);
        if (schedule is null)
        {
            schedule = new ContentSchedule { ContentItemId = latest.ContentItemId };
            db.Add(schedule);
        }

        schedule.PublishUtc = publishUtc;
        schedule.UnpublishUtc = unpublishUtc;
        schedule.ScheduledBy = userName;
        schedule.ScheduledUtc = now;

        // The job runs every minute anyway; these one-off runs make it act at the very time, once the save committed.
        db.AfterCommit(async () =>
        {
            foreach (var at in new[] { publishUtc, unpublishUtc }.OfType<DateTime>())
            {
                await jobs.RunAtAsync(ScheduledPublishingJob.JobName, new DateTimeOffset(at, TimeSpan.Zero));
            }
        });
        return [];
    }

    /// <summary>Removes the item's schedule (the caller has authorized Publish and saves).</summary>
    public async Task<bool> CancelAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var schedule = await db.Set<ContentSchedule>().FirstOrDefaultAsync(s => s.ContentItemId == contentItemId, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        db.Remove(schedule);
        return true;
    }

    /// <summary>
    /// Publishes and unpublishes what is due by the school clock; returns how many items it acted on. Each item is
    /// saved on its own, so one that fails is tried again at the next run and does not hold back the others.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var due = await db.Set<ContentSchedule>().AsNoTracking()
            .Where(s => s.PublishUtc <= now || s.UnpublishUtc <= now)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var done = 0;
        foreach (var id in due)
        {
            try
            {
                if (await RunOneAsync(id, now, cancellationToken))
                {
                    done++;
                }
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Someone saved the item at the same moment: the schedule stays and the next run tries again.
                db.ChangeTracker.Clear();
                LogConflict(e, id);
            }
        }

        return done;
    }

    private async Task<bool> RunOneAsync(int scheduleId, DateTime now, CancellationToken cancellationToken)
    {
        var schedule = await db.Set<ContentSchedule>().FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        var latest = await contents.GetAsync(schedule.ContentItemId, VersionOptions.Latest);
        if (latest is null)
        {
            // The item was deleted: nothing left to publish.
            db.Remove(schedule);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        if (schedule.PublishUtc <= now)
        {
            if (!latest.Published)
            {
                await contents.PublishAsync(latest);
                LogPublished(schedule.ContentItemId, schedule.ScheduledBy);
            }

            schedule.PublishUtc = null;
        }

        // A withdrawal is due only once its publication has happened (it is always later).
        if (schedule.PublishUtc is null && schedule.UnpublishUtc <= now)
        {
            await contents.UnpublishAsync(latest);
            schedule.UnpublishUtc = null;
            LogUnpublished(schedule.ContentItemId, schedule.ScheduledBy);
        }

        if (schedule.PublishUtc is null && schedule.UnpublishUtc is null)
        {
            db.Remove(schedule);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Published {ContentItemId} as scheduled by {UserName}.")]
    private partial void LogPublished(string contentItemId, string userName);

    [LoggerMessage(LogLevel.Information, "Unpublished {ContentItemId} as scheduled by {UserName}.")]
    private partial void LogUnpublished(string contentItemId, string userName);

    [LoggerMessage(LogLevel.Warning, "Schedule {ScheduleId} met a concurrent save; it is tried again at the next run.")]
    private partial void LogConflict(Exception exception, int scheduleId);
}

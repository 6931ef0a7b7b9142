using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.ContentManagement;

internal sealed class ContentManager(
    LiaisonDbContext db,
    IContentDefinitionManager definitions,
    IEnumerable<IContentHandler> handlers,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider clock,
    IStringLocalizer<ContentManager> S) : IContentManager
{
    private readonly IReadOnlyList<IContentHandler> _handlers = [.. handlers];

    private string CurrentUserName => httpContextAccessor.HttpContext?.User.Identity?.Name ?? "";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ContentItem> NewAsync(string contentType)
    {
        var definition = await definitions.GetTypeAsync(contentType)
            ?? throw new ArgumentException(S["Unknown content type '{0}'.", contentType], nameof(contentType));
        var item = new ContentItem
        {
            ContentItemId = ContentItem.NewId(),
            ContentItemVersionId = ContentItem.NewId(),
            ContentType = definition.Name,
            Owner = CurrentUserName,
            Author = CurrentUserName,
        };
        await InvokeAsync((h, c) => h.InitializingAsync(c), new ContentContext(item));
        return item;
    }

    public async Task CreateAsync(ContentItem item, VersionOptions options = VersionOptions.Published)
    {
        var type = await CanonicalTypeAsync(item);
        if (options != VersionOptions.Published && !type.TypeSettings.Draftable)
        {
            throw NoDrafts(type);
        }

        var context = new ContentContext(item);
        item.CreatedUtc ??= Now;
        item.ModifiedUtc = Now;
        if (string.IsNullOrEmpty(item.Author))
        {
            item.Author = CurrentUserName;
        }

        item.Latest = true;
        item.Published = false;
        await GuardShapeAsync(async () =>
        {
            await InvokeAsync((h, c) => h.CreatingAsync(c), context);
            await InvokeAsync((h, c) => h.UpdatingAsync(c), context);
        });
        await ThrowIfInvalidAsync(item);
        await ClaimIdAsync(item);
        db.ContentItems.Add(item);
        await InvokeAsync((h, c) => h.CreatedAsync(c), context);
        db.Raise(new ContentCreated(item.ContentItemId, item.ContentItemVersionId, item.ContentType, CurrentUserName));
        if (options == VersionOptions.Published)
        {
            await PublishAsync(item);
        }
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published)
    {
        switch (options)
        {
            case VersionOptions.Published:
                return await db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published);
            case VersionOptions.Latest:
                return await db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest);
            case VersionOptions.Draft:
                return await db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest && !c.Published);
            default:
                var latest = await db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest);
                if (latest is null || !latest.Published || !(await IsVersionableAsync(latest.ContentType)))
                {
                    return latest;
                }

                return await NewDraftFromAsync(latest, latest);
        }
    }

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId)
        => db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemVersionId == contentItemVersionId);

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId)
        => await db.ContentItems.Where(c => c.ContentItemId == contentItemId).OrderByDescending(c => c.Id).ToListAsync();

    public async Task EnsureCurrentAsync(string contentItemId, string? concurrencyStamp)
    {
        var latest = await db.ContentItems.AsNoTracking()
            .Where(c => c.ContentItemId == contentItemId && c.Latest)
            .Select(c => new { c.ConcurrencyStamp, c.Author, c.ModifiedUtc })
            .FirstOrDefaultAsync();
        if (latest is not null && latest.ConcurrencyStamp != concurrencyStamp)
        {
            throw new ContentConcurrencyException(S[
                "This item was changed by {0} at {1:yyyy-MM-dd HH:mm} UTC after you opened it. Your changes were not saved: reload the item and make them again.",
                latest.Author, latest.ModifiedUtc ?? DateTime.MinValue]);
        }
    }

    public async Task UpdateAsync(ContentItem item, bool publish = false)
    {
        var type = await CanonicalTypeAsync(item);
        if (!publish && !item.Published && !type.TypeSettings.Draftable)
        {
            throw NoDrafts(type);
        }

        var context = new ContentContext(item);
        item.ModifiedUtc = Now;
        item.Author = string.IsNullOrEmpty(CurrentUserName) ? item.Author : CurrentUserName;
        await GuardShapeAsync(() => InvokeAsync((h, c) => h.UpdatingAsync(c), context));
        await ThrowIfInvalidAsync(item);
        item.ConcurrencyStamp = ContentItem.NewStamp();
        await InvokeAsync((h, c) => h.UpdatedAsync(c), context);
        db.Raise(new ContentUpdated(item.ContentItemId, item.ContentItemVersionId, item.ContentType, CurrentUserName));
        if (publish)
        {
            await PublishAsync(item);
        }
    }

    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item)
    {
        var context = new ValidateContentContext(item);
        try
        {
            foreach (var handler in _handlers)
            {
                await handler.ValidatingAsync(context);
            }
        }
        catch (ContentPartFormatException e)
        {
            context.Errors.Add(WrongType(e));
        }

        return context.Errors;
    }

    public async Task PublishAsync(ContentItem item)
    {
        if (item.Published && item.Latest)
        {
            return;
        }

        var context = new ContentContext(item);
        await InvokeAsync((h, c) => h.PublishingAsync(c), context);
        var others = await LoadOtherVersionsAsync(item, c => c.Published || c.Latest);
        foreach (var other in others)
        {
            // A new stamp on every version touched: a concurrent save that read the old state is refused.
            other.Published = false;
            other.Latest = false;
            other.ConcurrencyStamp = ContentItem.NewStamp();
        }

        item.Published = true;
        item.Latest = true;
        item.PublishedUtc = Now;
        item.ConcurrencyStamp = ContentItem.NewStamp();
        await InvokeAsync((h, c) => h.PublishedAsync(c), context);
        db.Raise(new ContentPublished(item.ContentItemId, item.ContentItemVersionId, item.ContentType, CurrentUserName));
    }

    public async Task UnpublishAsync(ContentItem item)
    {
        var published = item.Published ? item : await GetAsync(item.ContentItemId, VersionOptions.Published);
        if (published is null)
        {
            return;
        }

        var context = new ContentContext(published);
        await InvokeAsync((h, c) => h.UnpublishingAsync(c), context);
        published.Published = false;
        published.ConcurrencyStamp = ContentItem.NewStamp();
        await InvokeAsync((h, c) => h.UnpublishedAsync(c), context);
        db.Raise(new ContentUnpublished(published.ContentItemId, published.ContentItemVersionId, published.ContentType, CurrentUserName));
    }

    public async Task RemoveAsync(ContentItem item)
    {
        var context = new ContentContext(item);
        await InvokeAsync((h, c) => h.RemovingAsync(c), context);
        var versions = await LoadOtherVersionsAsync(item, c => c.Published || c.Latest);
        foreach (var version in versions.Append(item))
        {
            version.Published = false;
            version.Latest = false;
            version.ConcurrencyStamp = ContentItem.NewStamp();
        }

        await InvokeAsync((h, c) => h.RemovedAsync(c), context);
        db.Raise(new ContentRemoved(item.ContentItemId, item.ContentItemVersionId, item.ContentType, CurrentUserName));
    }

    public async Task<ContentItem> RestoreAsync(string contentItemVersionId)
    {
        var source = await GetVersionAsync(contentItemVersionId)
            ?? throw new ArgumentException(S["That version does not exist."], nameof(contentItemVersionId));
        var latest = await db.ContentItems.FirstOrDefaultAsync(c => c.ContentItemId == source.ContentItemId && c.Latest);
        return await NewDraftFromAsync(latest ?? source, source);
    }

    private async Task<ContentItem> NewDraftFromAsync(ContentItem latest, ContentItem source)
    {
        var draft = source.CloneAsNewVersion();
        draft.Latest = true;
        draft.Published = false;
        draft.Author = CurrentUserName;
        draft.ModifiedUtc = Now;
        await InvokeAsync((h, c) => h.VersioningAsync((VersionContentContext)c), new VersionContentContext(latest, draft));
        // The old latest version gets a new stamp: two requests that both start a draft from it cannot both save,
        // the second finds the stamp changed (and the one-latest index refuses what slips through).
        latest.Latest = false;
        latest.ConcurrencyStamp = ContentItem.NewStamp();
        if (!ReferenceEquals(latest, source) && source.Latest)
        {
            source.Latest = false;
            source.ConcurrencyStamp = ContentItem.NewStamp();
        }

        db.ContentItems.Add(draft);
        return draft;
    }

    private async Task<List<ContentItem>> LoadOtherVersionsAsync(
        ContentItem item, System.Linq.Expressions.Expression<Func<ContentItem, bool>> filter)
    {
        var fromDb = await db.ContentItems
            .Where(c => c.ContentItemId == item.ContentItemId && c.ContentItemVersionId != item.ContentItemVersionId)
            .Where(filter)
            .ToListAsync();

        // Versions added in this unit of work are not in the database yet.
        var pending = db.ChangeTracker.EntriesAsTracked<ContentItem>()
            .Where(e => e.State == EntityState.Added && e.Entity.ContentItemId == item.ContentItemId
                && e.Entity.ContentItemVersionId != item.ContentItemVersionId && (e.Entity.Published || e.Entity.Latest))
            .Select(e => e.Entity);
        return [.. fromDb.Union(pending)];
    }

    /// <summary>
    /// The item's type, which must already be the canonical name (<see cref="IContentTypeResolver"/>): an item saved
    /// under "contact" would escape every rule written for "Contact", so a caller that skipped resolving is a bug.
    /// </summary>
    private async Task<ContentTypeDefinition> CanonicalTypeAsync(ContentItem item)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        return type is not null && type.Name == item.ContentType
            ? type
            : throw new InvalidOperationException($"'{item.ContentType}' is not the name of a content type as defined; resolve it with IContentTypeResolver first.");
    }

    private ContentValidationException NoDrafts(ContentTypeDefinition type)
        => new([new(S["{0} items have no drafts: they are published when saved.", string.IsNullOrEmpty(type.DisplayName) ? type.Name : type.DisplayName])]);

    private ContentValidationError WrongType(ContentPartFormatException e)
        => new(S["'{0}' has a value of the wrong type.", e.Key], e.Key);

    private async Task GuardShapeAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (ContentPartFormatException e)
        {
            throw new ContentValidationException([WrongType(e)]);
        }
    }

    /// <summary>
    /// Takes the item's id for good (<see cref="ContentItemIdentity"/>). An id used before may be taken again only by
    /// an item of the same type and owner whose every version is removed; otherwise its old versions would become
    /// the history of someone else's item, or of another type (a deleted contact brought back as a page).
    /// </summary>
    private async Task ClaimIdAsync(ContentItem item)
    {
        var used = await db.ContentItemIdentities.FindAsync(item.ContentItemId);
        if (used is null)
        {
            // Ids used before the identities table existed are found in their versions (the migration copies them too).
            used = await db.ContentItems.AsNoTracking()
                .Where(c => c.ContentItemId == item.ContentItemId)
                .OrderBy(c => c.Id)
                .Select(c => new ContentItemIdentity { ContentItemId = c.ContentItemId, ContentType = c.ContentType, Owner = c.Owner })
                .FirstOrDefaultAsync();
        }

        if (used is null)
        {
            db.ContentItemIdentities.Add(new ContentItemIdentity
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                Owner = item.Owner,
                CreatedUtc = Now,
            });
            return;
        }

        var alive = await db.ContentItems.AnyAsync(c => c.ContentItemId == item.ContentItemId && (c.Latest || c.Published))
            || db.ChangeTracker.EntriesAsTracked<ContentItem>().Any(e => e.State == EntityState.Added && e.Entity.ContentItemId == item.ContentItemId);
        if (alive || used.ContentType != item.ContentType || !string.Equals(used.Owner, item.Owner, StringComparison.OrdinalIgnoreCase))
        {
            throw new ContentValidationException([new(S["The id {0} already belongs to another item. Leave the id out to get a new one.", item.ContentItemId], "ContentItemId")]);
        }
    }

    private async Task<bool> IsVersionableAsync(string contentType)
        => (await definitions.GetTypeAsync(contentType))?.TypeSettings.Versionable ?? true;

    private async Task ThrowIfInvalidAsync(ContentItem item)
    {
        var errors = await ValidateAsync(item);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    private async Task InvokeAsync(Func<IContentHandler, ContentContext, Task> step, ContentContext context)
    {
        foreach (var handler in _handlers)
        {
            await step(handler, context);
        }
    }
}

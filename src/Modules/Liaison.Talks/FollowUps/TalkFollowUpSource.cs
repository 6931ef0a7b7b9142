using System.Security.Claims;
using Liaison.Contents.Security;
using Liaison.Talks.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using Liaison.Talks.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.FollowUps;

/// <summary>The follow-up items of the talks the user may see; closing one saves a new version of the talk.</summary>
internal sealed class TalkFollowUpSource(
    TalkAccessScope scope, LiaisonDbContext db, IContentManager contents, IStringLocalizer<TalkFollowUpSource> S) : IFollowUpSource
{
    public string Source => "Talk";

    public string DisplayName => S["Heart-to-heart talks"];

    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = await (await scope.VisibleAsync(user)).Select(t => t.ContentItemId).ToListAsync(cancellationToken);
        var items = await db.ContentItems.AsNoTracking().Where(c => c.Latest && ids.Contains(c.ContentItemId)).ToListAsync(cancellationToken);
        return [.. items.SelectMany(item =>
        {
            var part = item.As<TalkPart>();
            return part.FollowUps.Select(f => new FollowUpRow(Source, $"{item.ContentItemId}:{f.Id}", f.Text, f.OwnerMemberId ?? part.MemberId,
                part.BranchId ?? "", f.DueDate, f.Closed, f.ClosingNote, $"/admin/contents/{item.ContentItemId}/preview"));
        })];
    }

    public async Task<bool> CloseAsync(ClaimsPrincipal user, string key, string note, CancellationToken cancellationToken)
    {
        var parts = key.Split(':');
        if (parts.Length != 2 || await contents.GetAsync(parts[0], VersionOptions.Latest) is not { } item
            || item.ContentType != TalkAccessScope.ContentType || !await scope.AuthorizeAsync(user, item, ContentOperation.Edit))
        {
            return false;
        }

        var part = item.As<TalkPart>();
        var followUp = part.FollowUps.FirstOrDefault(f => f.Id == parts[1]);
        if (followUp is null || followUp.Closed)
        {
            return false;
        }

        followUp.Closed = true;
        followUp.ClosingNote = note;
        item.Apply(part);
        await contents.UpdateAsync(item, publish: true);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

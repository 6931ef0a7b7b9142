using System.Security.Claims;
using Liaison.Contents.Security;
using Liaison.Outreach.Data;
using Liaison.Outreach.Parts;
using Liaison.Outreach.Security;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.FollowUps;

/// <summary>The opinions of forums or the concerns of reception days the user may see; closing saves a new version.</summary>
internal abstract class OutreachItemSource<TPart>(
    OutreachAccessScope scope, LiaisonDbContext db, IContentManager contents) : IFollowUpSource
    where TPart : ContentPart, IOutreachRecord, new()
{
    public abstract string Source { get; }

    public abstract string DisplayName { get; }

    private static (List<OutreachItem> Items, int MemberId, string? BranchId) Read(ContentItem item)
    {
        var part = item.As<TPart>();
        return (part.Items, part.HolderMemberId, part.BranchId);
    }

    private static void Write(ContentItem item, List<OutreachItem> items)
    {
        var part = item.As<TPart>();
        part.Items = items;
        item.Apply(part);
    }

    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = await scope.VisibleItemIdsAsync(user);
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.Latest && c.ContentType == Source && visible.Contains(c.ContentItemId)).ToListAsync(cancellationToken);
        return [.. items.SelectMany(item =>
        {
            var (list, member, branch) = Read(item);
            return list.Select(i => new FollowUpRow(Source, $"{item.ContentItemId}:{i.Id}", i.Text, i.OwnerMemberId ?? member, branch ?? "",
                i.DueDate, i.Closed, i.ClosingNote, $"/admin/contents/{item.ContentItemId}/preview"));
        })];
    }

    public async Task<bool> CloseAsync(ClaimsPrincipal user, string key, string note, CancellationToken cancellationToken)
    {
        var parts = key.Split(':');
        if (parts.Length != 2 || await contents.GetAsync(parts[0], VersionOptions.Latest) is not { } item
            || item.ContentType != Source || !await scope.AuthorizeAsync(user, item, ContentOperation.Edit))
        {
            return false;
        }

        var (list, _, _) = Read(item);
        if (list.FirstOrDefault(i => i.Id == parts[1]) is not { Closed: false } found)
        {
            return false;
        }

        found.Closed = true;
        found.ClosingNote = note;
        Write(item, list);
        await contents.UpdateAsync(item, publish: true);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal sealed class ForumFollowUpSource(OutreachAccessScope scope, LiaisonDbContext db, IContentManager contents, IStringLocalizer<ForumFollowUpSource> S)
    : OutreachItemSource<ForumPart>(scope, db, contents)
{
    public override string Source => OutreachAccessScope.Forum;

    public override string DisplayName => S["Forums"];
}

internal sealed class ReceptionFollowUpSource(OutreachAccessScope scope, LiaisonDbContext db, IContentManager contents, IStringLocalizer<ReceptionFollowUpSource> S)
    : OutreachItemSource<ReceptionDayPart>(scope, db, contents)
{
    public override string Source => OutreachAccessScope.ReceptionDay;

    public override string DisplayName => S["Reception days"];
}

/// <summary>The opinion box, for those who answer it (the committee): closing an opinion is answering it.</summary>
internal sealed class OpinionFollowUpSource(
    LiaisonDbContext db, IPermissionService permissions, ISchoolClock clock, IStringLocalizer<OpinionFollowUpSource> S) : IFollowUpSource
{
    public string Source => "Opinion";

    public string DisplayName => S["Opinion box"];

    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.HandleOpinions.Name))
        {
            return [];
        }

        var rows = await db.Set<Opinion>().AsNoTracking().OrderByDescending(o => o.CreatedUtc).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(o => new FollowUpRow(Source, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (o.RightsComplaint ? "⚠ " : "") + o.Subject, null, "", null, o.Status == OpinionStatus.Answered, o.Reply, $"/admin/opinions/{o.Id}"))];
    }

    public async Task<bool> CloseAsync(ClaimsPrincipal user, string key, string note, CancellationToken cancellationToken)
    {
        if (!int.TryParse(key, out var id) || !await permissions.HasPermissionAsync(user, Permissions.HandleOpinions.Name)
            || await db.Set<Opinion>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { Status: OpinionStatus.Open } opinion)
        {
            return false;
        }

        opinion.Reply = note;
        opinion.Status = OpinionStatus.Answered;
        opinion.RepliedBy = user.Identity?.Name;
        opinion.RepliedUtc = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

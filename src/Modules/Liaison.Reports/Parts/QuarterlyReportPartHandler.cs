using System.Text.Json.Nodes;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Figures;
using Liaison.Workflows.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Parts;

/// <summary>
/// The rules of a quarterly report, shared by the member's form, the admin editor, the API and recipes. Saving a
/// report keeps a draft (figures live, nobody else's business); handing it in (<c>"HandIn": true</c> on the part)
/// computes the quarter's figures there and then (so they are frozen as handed in) and signals the workflow
/// (<see cref="HandedInSignal"/>), which sends it to the branch secretary, after commit. One report per member and
/// quarter; a report handed in and waiting for review, or approved, cannot be changed. Recipes name the member by
/// number (<c>MemberNumber</c>).
/// </summary>
internal sealed class QuarterlyReportPartHandler(
    IRosterQueries roster,
    ReportFiguresService figures,
    IContentReviews reviews,
    LiaisonDbContext db,
    IHttpContextAccessor httpContextAccessor,
    ISchoolClock clock,
    ReportStates states,
    IStringLocalizer<QuarterlyReportPartHandler> S) : IContentHandler
{
    /// <summary>The workflow signal of a hand-in (the setup recipe's <c>quarterly-report-review</c> waits on it).</summary>
    public const string HandedInSignal = "QuarterlyReportHandedIn";

    /// <summary>The transient JSON flag on the part that makes a save a hand-in; never stored.</summary>
    public const string HandInFlag = "HandIn";

    private const string Prefix = nameof(QuarterlyReportPart);

    // The items of this unit of work being handed in: validated as such, signalled once saved.
    private readonly HashSet<ContentItem> _handingIn = new(ReferenceEqualityComparer.Instance);

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        await ResolveNumberAsync(json);
        var handIn = json[HandInFlag]?.ToString() is { } flag && flag.Equals("true", StringComparison.OrdinalIgnoreCase);
        json.Remove(HandInFlag);
        var part = item.As<QuarterlyReportPart>();
        var user = httpContextAccessor.HttpContext?.User;
        if (part.MemberId <= 0 && user?.Identity?.IsAuthenticated == true && (await roster.ScopeAsync(user)).Member is { } me)
        {
            part.MemberId = me.Id;
        }

        part.Quarter = part.Quarter?.Trim().ToUpperInvariant() ?? "";
        var member = await roster.Members().Where(m => m.Id == part.MemberId).Select(m => new { m.BranchId, m.Name }).FirstOrDefaultAsync();
        part.BranchId = member?.BranchId;
        part.Branch = new BranchPicker { ContentItemIds = member is null ? [] : [member.BranchId] };
        if (member is not null && Quarters.Parse(part.Quarter) is { } quarter)
        {
            part.Figures = await figures.ForMemberAsync(part.MemberId, quarter.Start, quarter.End);
        }

        // Hand-in facts come from the stored report, never from a person's input (recipes may set the first hand-in).
        if (user?.Identity?.IsAuthenticated == true)
        {
            part.FirstSubmittedUtc = await db.Set<QuarterlyReportIndex>().Where(r => r.Latest && r.ContentItemId == item.ContentItemId)
                .Select(r => r.FirstSubmittedUtc).FirstOrDefaultAsync();
        }

        var decisions = await reviews.Tasks().CountAsync(t => t.ContentItemId == item.ContentItemId && t.Decided);
        if (handIn)
        {
            _handingIn.Add(item);
            part.SubmittedUtc = clock.UtcNow;
            part.FirstSubmittedUtc ??= part.SubmittedUtc;
            part.HandIns = decisions + 1;
        }
        else
        {
            _handingIn.Remove(item);
            part.SubmittedUtc = null;
            part.HandIns = decisions;
        }

        item.Apply(part);

        // Stored data: the title is written in the site's language.
        item.DisplayText = SiteLanguage.Write(() => member is null ? S["Quarterly report"] : S["{0}'s quarterly report of {1}", member.Name, part.Quarter]);
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        var part = item.As<QuarterlyReportPart>();
        var errors = context.Errors;

        if (await db.ContentItems.AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Published && c.ContentItemVersionId != item.ContentItemVersionId))
        {
            errors.Add(new(S["This report was approved and is locked: it can no longer be changed."], Prefix));
            return;
        }

        var stored = await db.Set<QuarterlyReportIndex>().AsNoTracking().Where(r => r.Latest && r.ContentItemId == item.ContentItemId)
            .Select(r => new { r.Published, r.HandIns }).FirstOrDefaultAsync();
        if (stored is not null
            && (await states.OfAsync([new ReportKey(item.ContentItemId, stored.Published, stored.HandIns)]))[item.ContentItemId].State == ReportState.Submitted)
        {
            errors.Add(new(S["This report is waiting for the branch secretary's review: it can be changed once it is returned."], Prefix));
            return;
        }

        var user = httpContextAccessor.HttpContext?.User;
        var scope = user?.Identity?.IsAuthenticated == true ? await roster.ScopeAsync(user) : null;
        if (json["MemberNumber"] is JsonValue memberNumber)
        {
            errors.Add(new(S["There is no member with the number {0}.", memberNumber.ToString()], $"{Prefix}.MemberId"));
        }
        else if (part.MemberId <= 0 || !await roster.Members().AnyAsync(m => m.Id == part.MemberId))
        {
            errors.Add(new(S["A quarterly report is written by a member of the roster."], $"{Prefix}.MemberId"));
        }
        else if (scope is not null && scope.Member?.Id != part.MemberId)
        {
            // Setup and recipes run without a user; a person writes only their own report.
            errors.Add(new(S["You may only write your own quarterly report."], $"{Prefix}.MemberId"));
        }

        if (Quarters.Parse(part.Quarter) is not { } quarter)
        {
            errors.Add(new(S["Choose the quarter of the report (such as 2026-Q3)."], $"{Prefix}.Quarter"));
        }
        else if (quarter.Start > clock.Today)
        {
            errors.Add(new(S["The quarter {0} has not begun yet.", part.Quarter], $"{Prefix}.Quarter"));
        }
        else if (part.MemberId > 0 && await db.Set<QuarterlyReportIndex>().AnyAsync(r =>
                     r.Latest && r.MemberId == part.MemberId && r.Quarter == part.Quarter && r.ContentItemId != item.ContentItemId))
        {
            errors.Add(new(S["There is already a report for {0}: open it and change it instead.", part.Quarter], $"{Prefix}.Quarter"));
        }

        if (_handingIn.Contains(item) && string.IsNullOrWhiteSpace(part.WorkDone))
        {
            errors.Add(new(S["Write what you did this quarter."], $"{Prefix}.WorkDone"));
        }

        foreach (var (name, text) in new[] { ("WorkDone", part.WorkDone), ("Problems", part.Problems), ("Cases", part.Cases), ("NextPlan", part.NextPlan) })
        {
            if (text is { Length: > ReportLimits.Text })
            {
                errors.Add(new(S["This text can have at most {0} characters.", ReportLimits.Text], $"{Prefix}.{name}"));
            }
        }
    }

    public Task CreatedAsync(ContentContext context) => SignalAsync(context.ContentItem);

    public Task UpdatedAsync(ContentContext context) => SignalAsync(context.ContentItem);

    // Validated and staged: the workflow hears of the hand-in once the save commits.
    private Task SignalAsync(ContentItem item)
    {
        if (_handingIn.Remove(item))
        {
            db.Raise(new ContentSignalled(HandedInSignal, item.ContentItemId, item.ContentType, httpContextAccessor.HttpContext?.User.Identity?.Name));
        }

        return Task.CompletedTask;
    }

    /// <summary>Replaces a recipe's member number by the id; an unknown number stays for validation to report.</summary>
    private async Task ResolveNumberAsync(JsonObject json)
    {
        if (json["MemberNumber"]?.ToString().Trim() is { Length: > 0 } number)
        {
            var id = await roster.Members().Where(m => m.Number == number).Select(m => (int?)m.Id).FirstOrDefaultAsync();
            if (id is not null)
            {
                json["MemberId"] = id;
                json.Remove("MemberNumber");
            }
        }
    }
}

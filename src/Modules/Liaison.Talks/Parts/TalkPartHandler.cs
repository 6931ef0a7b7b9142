using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Liaison.Talks.Obligations;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Parts;

/// <summary>
/// The rules of a talk, shared by the editor, the short form, the API and recipes. Recipes name the member and the
/// person by number (<c>MemberNumber</c>, <c>PersonKind</c> + <c>PersonNumber</c>); they become ids here. The branch
/// and the contact category come from the roster and the contacts, never from the input. Saving a talk on a
/// mandatory occasion closes the obligations it answers.
/// </summary>
internal sealed class TalkPartHandler(
    IRosterQueries roster,
    IContactQueries contacts,
    IHttpContextAccessor httpContextAccessor,
    ISchoolClock clock,
    ObligationService obligations,
    IStringLocalizer<TalkPartHandler> S) : IContentHandler
{
    private const string Prefix = nameof(TalkPart);

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        await roster.ResolveNumbersAsync(json);
        await roster.ResolveMemberNumberAsync(json, "PartnerMemberNumber", "PartnerMemberId");

        var part = item.As<TalkPart>();
        var member = await roster.Members().Where(m => m.Id == part.MemberId).Select(m => new { m.BranchId, m.Name }).FirstOrDefaultAsync();
        part.BranchId = member?.BranchId;
        // A talk with a member names no contact target, so it has no contact category.
        var categories = part.PartnerMemberId is not null ? []
            : await contacts.Contacts().Where(c => c.MemberId == part.MemberId && c.PersonId == part.PersonId).Select(c => c.Category).ToListAsync();
        part.ContactCategory = categories.Count == 0 ? null : categories.Any(c => c is 2 or 4) ? categories.First(c => c is 2 or 4) : categories.Min();
        foreach (var followUp in part.FollowUps.Where(f => string.IsNullOrEmpty(f.Id)))
        {
            followUp.Id = Guid.NewGuid().ToString("N")[..12];
        }

        item.Apply(part);

        // No person's name in the title: lists show it to everyone who may list the item. Stored in the site's language.
        var date = part.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        item.DisplayText = SiteLanguage.Write(() => member is null ? S["Heart-to-heart talk"] : S["{0}'s talk of {1}", member.Name, date]);
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        var part = item.As<TalkPart>();
        var errors = context.Errors;
        var user = httpContextAccessor.HttpContext?.User;
        var scope = user?.Identity?.IsAuthenticated == true ? await roster.ScopeAsync(user) : null;

        if (json["MemberNumber"] is JsonValue memberNumber)
        {
            errors.Add(new(S["There is no member with the number {0}.", memberNumber.ToString()], $"{Prefix}.MemberId"));
        }
        else if (part.MemberId <= 0 || !await roster.Members().AnyAsync(m => m.Id == part.MemberId))
        {
            errors.Add(new(S["Choose the member who held the talk."], $"{Prefix}.MemberId"));
        }
        else if (scope is not null && scope.Member?.Id != part.MemberId && !await roster.ManagedMembers(scope).AnyAsync(m => m.Id == part.MemberId))
        {
            // Setup and recipes run without a user; a member records their own talks, a secretary their branch's.
            errors.Add(new(S["You may only record your own talks or those of the branches you manage."], $"{Prefix}.MemberId"));
        }

        if (json["PersonNumber"] is JsonValue personNumber)
        {
            errors.Add(new(S["There is no person with the number {0} on the roster.", personNumber.ToString()], $"{Prefix}.PersonId"));
        }
        else if (json["PartnerMemberNumber"] is JsonValue partnerNumber)
        {
            errors.Add(new(S["There is no member with the number {0}.", partnerNumber.ToString()], $"{Prefix}.PersonId"));
        }
        else if (part.PartnerMemberId is { } partner)
        {
            // A talk with a member (the feedback talk after an appraisal): someone else of the roster, never both.
            if (part.PersonId != 0 || partner == part.MemberId || !await roster.Members().AnyAsync(m => m.Id == partner))
            {
                errors.Add(new(S["Choose the member you talked with (someone other than yourself)."], $"{Prefix}.PersonId"));
            }
        }
        else if (part.PersonId <= 0 || !await roster.Persons().AnyAsync(p => p.Id == part.PersonId))
        {
            errors.Add(new(S["Choose the person you talked with."], $"{Prefix}.PersonId"));
        }

        if (part.Date is not { } date)
        {
            errors.Add(new(S["Enter the date of the talk."], $"{Prefix}.Date"));
        }
        else if (date > clock.Today || date.Year < 2000)
        {
            errors.Add(new(S["The date of the talk cannot be in the future."], $"{Prefix}.Date"));
        }

        if (!TalkOccasions.IsValid(part.Occasion))
        {
            errors.Add(new(S["Choose the occasion of the talk."], $"{Prefix}.Occasion"));
        }

        if (part.Topics.Any(t => !TalkTopics.All.Contains(t)))
        {
            errors.Add(new(S["Choose topics from the list."], $"{Prefix}.Topics"));
        }

        if (part.Place is { Length: > TalkLimits.Place })
        {
            errors.Add(new(S["The place can have at most {0} characters.", TalkLimits.Place], $"{Prefix}.Place"));
        }

        foreach (var (name, text) in new[] { ("Summary", part.Summary), ("Problems", part.Problems), ("HelpPromised", part.HelpPromised) })
        {
            if (text is { Length: > TalkLimits.Text })
            {
                errors.Add(new(S["This text can have at most {0} characters.", TalkLimits.Text], $"{Prefix}.{name}"));
            }
        }

        if (string.IsNullOrWhiteSpace(part.Summary))
        {
            errors.Add(new(S["Write what was said."], $"{Prefix}.Summary"));
        }

        ValidateFollowUps(part, errors);
    }

    private void ValidateFollowUps(TalkPart part, IList<ContentValidationError> errors)
    {
        if (part.FollowUps.Count > TalkLimits.MaxFollowUps)
        {
            errors.Add(new(S["A talk can have at most {0} follow-up items.", TalkLimits.MaxFollowUps], $"{Prefix}.FollowUps"));
        }

        foreach (var f in part.FollowUps)
        {
            if (string.IsNullOrWhiteSpace(f.Text) || f.Text.Length > TalkLimits.FollowUpText)
            {
                errors.Add(new(S["Each follow-up item needs a text of at most {0} characters.", TalkLimits.FollowUpText], $"{Prefix}.FollowUps"));
            }
            else if (f.Closed && string.IsNullOrWhiteSpace(f.ClosingNote))
            {
                errors.Add(new(S["Closing a follow-up item needs a note."], $"{Prefix}.FollowUps"));
            }
        }
    }

    public async Task PublishedAsync(ContentContext context)
    {
        if (context.ContentItem.Has<TalkPart>())
        {
            var part = context.ContentItem.As<TalkPart>();
            await obligations.CloseByTalkAsync(context.ContentItem.ContentItemId, part);
        }
    }
}

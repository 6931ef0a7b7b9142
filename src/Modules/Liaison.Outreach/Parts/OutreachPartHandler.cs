using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.Parts;

/// <summary>
/// The rules of forums and reception days for the editor, the API and recipes: the member (host, cadre) by id or,
/// in recipes, by number (<c>HostNumber</c>, <c>CadreNumber</c>); the branch comes from that member; a secretary
/// records for the members of their branch, a member only for themselves.
/// </summary>
internal sealed partial class OutreachPartHandler(
    IRosterQueries roster, IHttpContextAccessor httpContextAccessor, IStringLocalizer<OutreachPartHandler> S) : IContentHandler
{
    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[nameof(ForumPart)] is JsonObject forumJson)
        {
            await roster.ResolveMemberNumberAsync(forumJson, "HostNumber", "HostMemberId");
            await ResolveAttendeesAsync(forumJson);
            var part = item.As<ForumPart>();
            var host = await MemberAsync(part.HostMemberId);
            part.BranchId = host?.BranchId;
            NewIds(part.Opinions);
            item.Apply(part);
            if (string.IsNullOrWhiteSpace(item.DisplayText))
            {
                item.DisplayText = SiteLanguage.Write(() => S["Forum of {0}", Date(part.Date)]);
            }
        }
        else if (item.Content[nameof(ReceptionDayPart)] is JsonObject receptionJson)
        {
            await roster.ResolveMemberNumberAsync(receptionJson, "CadreNumber", "CadreMemberId");
            var part = item.As<ReceptionDayPart>();
            var cadre = await MemberAsync(part.CadreMemberId);
            part.BranchId = cadre?.BranchId;
            NewIds(part.Concerns);
            item.Apply(part);
            item.DisplayText = SiteLanguage.Write(() => S["{0}'s reception day {1}", cadre?.Name ?? "", Date(part.Date)]);
        }
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        var errors = context.Errors;
        if (item.Content[nameof(BriefingPart)] is JsonObject && !BriefingAudiences.IsValid(item.As<BriefingPart>().Audience))
        {
            errors.Add(new(S["Choose who may read the briefing."], "BriefingPart.Audience"));
        }

        if (item.Content[nameof(ForumPart)] is JsonObject forumJson)
        {
            var part = item.As<ForumPart>();
            await ValidateMemberAsync(forumJson, "HostNumber", part.HostMemberId, "ForumPart.HostMemberId", errors);
            if (!ForumKinds.IsValid(part.Kind))
            {
                errors.Add(new(S["Choose the kind of forum."], "ForumPart.Kind"));
            }

            if (part.Date is null)
            {
                errors.Add(new(S["Enter the date."], "ForumPart.Date"));
            }

            Lengths(errors, "ForumPart", part.Topics, part.Minutes, part.Opinions);
            await ValidateAttendeesAsync(part, errors);
            if (forumJson["AttendingMemberNumbers"] is JsonArray { Count: > 0 } unknownMembers)
            {
                errors.Add(new(S["There is no member with the number {0}.", string.Join("、", unknownMembers)], "ForumPart.AttendingMemberIds"));
            }

            if (forumJson["AttendingPersonNumbers"] is JsonArray { Count: > 0 } unknownPersons)
            {
                errors.Add(new(S["There is no member of staff or student with the number {0}.", string.Join("、", unknownPersons)], "ForumPart.AttendingPersonIds"));
            }
        }
        else if (item.Content[nameof(ReceptionDayPart)] is JsonObject receptionJson)
        {
            var part = item.As<ReceptionDayPart>();
            await ValidateMemberAsync(receptionJson, "CadreNumber", part.CadreMemberId, "ReceptionDayPart.CadreMemberId", errors);
            if (part.Date is null)
            {
                errors.Add(new(S["Enter the date."], "ReceptionDayPart.Date"));
            }

            foreach (var (time, key) in new[] { (part.StartTime, "StartTime"), (part.EndTime, "EndTime") })
            {
                if (time is not null && !TimePattern().IsMatch(time))
                {
                    errors.Add(new(S["Enter a time such as 14:30."], $"ReceptionDayPart.{key}"));
                }
            }

            if (string.IsNullOrWhiteSpace(part.Place) || part.Place.Length > OutreachLimits.Place)
            {
                errors.Add(new(S["Enter the place (at most {0} characters).", OutreachLimits.Place], "ReceptionDayPart.Place"));
            }

            Lengths(errors, "ReceptionDayPart", null, null, part.Concerns);
        }
    }

    /// <summary>Attendees are ids of the roster, at most <see cref="OutreachLimits.MaxAttendees"/> of each.</summary>
    private async Task ValidateAttendeesAsync(ForumPart part, List<ContentValidationError> errors)
    {
        if (part.AttendingMemberIds.Count > OutreachLimits.MaxAttendees || part.AttendingPersonIds.Count > OutreachLimits.MaxAttendees)
        {
            errors.Add(new(S["A forum can name at most {0} members and {0} staff or students.", OutreachLimits.MaxAttendees], "ForumPart.AttendingMemberIds"));
            return;
        }

        var members = part.AttendingMemberIds.Distinct().ToList();
        var persons = part.AttendingPersonIds.Distinct().ToList();
        if (await roster.Members().CountAsync(m => members.Contains(m.Id)) != members.Count)
        {
            errors.Add(new(S["An attending member is not on the roster."], "ForumPart.AttendingMemberIds"));
        }

        if (await roster.Persons().CountAsync(p => persons.Contains(p.Id)) != persons.Count)
        {
            errors.Add(new(S["An attending member of staff or student is not on the roster."], "ForumPart.AttendingPersonIds"));
        }
    }

    private void Lengths(List<ContentValidationError> errors, string prefix, string? topics, string? minutes, List<OutreachItem> items)
    {
        if (topics?.Length > OutreachLimits.Text || minutes?.Length > OutreachLimits.Text)
        {
            errors.Add(new(S["A text can have at most {0} characters.", OutreachLimits.Text], prefix));
        }

        if (items.Count > OutreachLimits.MaxItems || items.Any(i => string.IsNullOrWhiteSpace(i.Text) || i.Text.Length > OutreachLimits.ItemText))
        {
            errors.Add(new(S["Each item needs a text of at most {0} characters (at most {1} items).", OutreachLimits.ItemText, OutreachLimits.MaxItems], prefix));
        }

        if (items.Any(i => i.Closed && string.IsNullOrWhiteSpace(i.ClosingNote)))
        {
            errors.Add(new(S["Closing an item needs a note."], prefix));
        }
    }

    private async Task ValidateMemberAsync(JsonObject json, string numberProperty, int memberId, string key, List<ContentValidationError> errors)
    {
        if (json[numberProperty] is JsonValue number)
        {
            errors.Add(new(S["There is no member with the number {0}.", number.ToString()], key));
            return;
        }

        if (memberId <= 0 || !await roster.Members().AnyAsync(m => m.Id == memberId))
        {
            errors.Add(new(S["Choose the member."], key));
            return;
        }

        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var scope = await roster.ScopeAsync(user);
            if (scope.Member?.Id != memberId && !await roster.ManagedMembers(scope).AnyAsync(m => m.Id == memberId))
            {
                errors.Add(new(S["You may only record for yourself or for members of the branches you manage."], key));
            }
        }
    }

    private Task<RosterMember?> MemberAsync(int id) => roster.Members().Where(m => m.Id == id).FirstOrDefaultAsync();

    /// <summary>
    /// Recipes name attendees by number (<c>AttendingMemberNumbers</c>, <c>AttendingPersonNumbers</c>); the numbers found
    /// become ids, and those that match nobody stay for validation to name.
    /// </summary>
    private async Task ResolveAttendeesAsync(JsonObject json)
    {
        foreach (var (numbers, ids, isMember) in new[] { ("AttendingMemberNumbers", "AttendingMemberIds", true), ("AttendingPersonNumbers", "AttendingPersonIds", false) })
        {
            if (json[numbers] is not JsonArray given)
            {
                continue;
            }

            var wanted = given.Select(n => n?.ToString().Trim() ?? "").Where(n => n.Length > 0).Distinct().ToList();
            var found = isMember
                ? await roster.Members().Where(m => wanted.Contains(m.Number)).Select(m => new { m.Number, m.Id }).ToListAsync()
                : await roster.Persons().Where(p => wanted.Contains(p.Number)).OrderBy(p => p.Kind).Select(p => new { p.Number, p.Id }).ToListAsync();
            var byNumber = found.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.First().Id);
            var list = (json[ids] as JsonArray)?.Select(n => n?.GetValue<int>() ?? 0).Where(n => n > 0).ToList() ?? [];
            list.AddRange(wanted.Where(byNumber.ContainsKey).Select(n => byNumber[n]));
            json[ids] = new JsonArray([.. list.Distinct().Select(id => (JsonNode)id)]);
            var missing = wanted.Where(n => !byNumber.ContainsKey(n)).ToList();
            if (missing.Count == 0)
            {
                json.Remove(numbers);
            }
            else
            {
                json[numbers] = new JsonArray([.. missing.Select(n => (JsonNode)n)]);
            }
        }
    }

    private static void NewIds(List<OutreachItem> items)
    {
        foreach (var i in items.Where(i => string.IsNullOrEmpty(i.Id)))
        {
            i.Id = Guid.NewGuid().ToString("N")[..12];
        }
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex TimePattern();
}

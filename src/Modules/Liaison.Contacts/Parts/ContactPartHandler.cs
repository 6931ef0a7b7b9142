using System.Text.Json.Nodes;
using Liaison.Contacts.Data;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contacts.Parts;

/// <summary>
/// The rules of a contact assignment, shared by the editor, the API and recipes. Recipes name the member and the
/// person by their school numbers (<c>MemberNumber</c>, <c>PersonKind</c> + <c>PersonNumber</c>); they are turned
/// into row ids here so that the stored JSON holds ids only. The branch is always taken from the member.
/// </summary>
internal sealed class ContactPartHandler(
    LiaisonDbContext db,
    IRosterQueries roster,
    IHttpContextAccessor httpContextAccessor,
    ISchoolClock clock,
    ContactCategoryText categories,
    IStringLocalizer<ContactPartHandler> S) : IContentHandler
{
    private const string Prefix = nameof(ContactPart);

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        await roster.ResolveNumbersAsync(json);
        var part = item.As<ContactPart>();
        var member = await roster.Members()
            .Where(m => m.Id == part.MemberId)
            .Select(m => new { m.BranchId, m.Name })
            .FirstOrDefaultAsync();
        part.BranchId = member?.BranchId;
        item.Apply(part);

        // No person's name in the title: lists and search show it to everyone who may list the item.
        item.DisplayText = SiteLanguage.Write(() => member is null ? S["Contact assignment"]
            : ContactCategories.IsSensitive(part.Category) ? S["{0}'s contact (sensitive category)", member.Name]
            : S["{0}'s contact: {1}", member.Name, categories.Name(part.Category)]);
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (item.Content[Prefix] is not JsonObject json)
        {
            return;
        }

        var part = item.As<ContactPart>();
        var errors = context.Errors;
        var user = httpContextAccessor.HttpContext?.User;
        var scope = user?.Identity?.IsAuthenticated == true ? await roster.ScopeAsync(user) : null;

        if (json["MemberNumber"] is JsonValue memberNumber)
        {
            errors.Add(new(S["There is no member with the number {0}.", memberNumber.ToString()], $"{Prefix}.MemberId"));
        }
        else if (part.MemberId <= 0 || !await roster.Members().AnyAsync(m => m.Id == part.MemberId))
        {
            errors.Add(new(S["Choose the member who makes the contact."], $"{Prefix}.MemberId"));
        }
        else if (scope is not null && !await roster.ManagedMembers(scope).AnyAsync(m => m.Id == part.MemberId))
        {
            // Setup and recipes run without a signed-in user; everyone else assigns only within their branches.
            errors.Add(new(S["You may only assign contacts to members of the branches you manage."], $"{Prefix}.MemberId"));
        }

        if (json["PersonNumber"] is JsonValue personNumber)
        {
            errors.Add(new(S["There is no person with the number {0} on the roster.", personNumber.ToString()], $"{Prefix}.PersonId"));
        }
        else if (part.PersonId <= 0 || !await roster.Persons().AnyAsync(p => p.Id == part.PersonId))
        {
            errors.Add(new(S["Choose the person to be contacted."], $"{Prefix}.PersonId"));
        }
        else if (scope is not null && !await roster.ManagedPersons(scope).AnyAsync(p => p.Id == part.PersonId))
        {
            errors.Add(new(S["You may only choose people of the branches you manage."], $"{Prefix}.PersonId"));
        }

        if (!ContactCategories.IsValid(part.Category))
        {
            errors.Add(new(S["Choose one of the four categories."], $"{Prefix}.Category"));
        }

        if (part.StartDate is { } start && part.EndDate is { } end && end < start)
        {
            errors.Add(new(S["The end date cannot be before the start date."], $"{Prefix}.EndDate"));
        }

        if (part.Notes is { Length: > 2000 })
        {
            errors.Add(new(S["The notes are longer than 2000 characters."], $"{Prefix}.Notes"));
        }

        var today = ContactDates.Today(clock);
        if (errors.Count == 0 && (part.EndDate is null || part.EndDate >= today)
            && await db.Set<ContactIndex>().AnyAsync(x => x.Latest && x.ContentItemId != item.ContentItemId
                && x.MemberId == part.MemberId && x.PersonId == part.PersonId && x.Category == part.Category
                && (x.EndDate == null || x.EndDate >= today)))
        {
            errors.Add(new(S["This person is already assigned to this member in this category."], $"{Prefix}.PersonId"));
        }
    }
}

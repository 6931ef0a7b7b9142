using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contacts.Admin;

/// <summary>
/// A secretary's (or the committee's) contact work on the dashboard: the people of their branch nobody contacts,
/// the members with no contact, and the assignments ending within a month. Three counting queries over the
/// scope's roster, whatever its size.
/// </summary>
internal sealed class ContactDashboardNotes(
    IRosterQueries roster, IContactQueries contacts, ISchoolClock clock, IStringLocalizer<ContactDashboardNotes> S) : IDashboardNotes
{
    private const int EndingWithinDays = 31;

    public Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DashboardNote>>([]);

    public async Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var scope = await roster.ScopeAsync(user);
        var today = clock.Today;
        var soon = today.AddDays(EndingWithinDays);
        var current = contacts.Contacts().Where(c => c.StartDate == null || c.StartDate <= today)
            .Where(c => c.EndDate == null || c.EndDate >= today);
        if (!scope.ManagesAnyBranch)
        {
            return scope.Member is { Active: true } member ? [await MemberBlockAsync(member, current, soon, cancellationToken)] : [];
        }

        var personsWithout = await roster.ManagedPersons(scope).Where(p => p.Active)
            .CountAsync(p => !current.Any(c => c.PersonId == p.Id), cancellationToken);
        var membersWithout = await roster.ManagedMembers(scope).Where(m => m.Active)
            .CountAsync(m => !current.Any(c => c.MemberId == m.Id), cancellationToken);
        var branches = scope.BranchIds.ToList();
        var ending = await current.Where(c => c.EndDate != null && c.EndDate <= soon)
            .CountAsync(c => scope.AllBranches || branches.Contains(c.BranchId), cancellationToken);

        var lines = new List<DashboardNote>();
        if (personsWithout > 0)
        {
            lines.Add(new(S["{0} people of the masses have no contact member.", personsWithout], "/admin/organization/persons", Warning: false));
        }

        if (membersWithout > 0)
        {
            lines.Add(new(S["{0} members have no contact assignment.", membersWithout], "/admin/organization/members", Warning: false));
        }

        if (ending > 0)
        {
            lines.Add(new(S["{0} contact assignments end within a month.", ending], "/admin/contacts", Warning: false));
        }

        return
        [
            new DashboardBlock(S["Contact coverage"], lines, "/admin/contacts", S["Open the contact assignments"],
                S["Everyone in your scope has a contact member and every member has contacts. Check the coverage of grades and subjects next."],
                Position: 0),
        ];
    }

    /// <summary>A member's own contacts: how many they have, and which assignments end within a month.</summary>
    private async Task<DashboardBlock> MemberBlockAsync(
        RosterMember member, IQueryable<Contracts.ContactRow> current, DateOnly soon, CancellationToken cancellationToken)
    {
        var mine = current.Where(c => c.MemberId == member.Id);
        var count = await mine.CountAsync(cancellationToken);
        var ending = count == 0 ? 0 : await mine.CountAsync(c => c.EndDate != null && c.EndDate <= soon, cancellationToken);
        var lines = new List<DashboardNote>();
        if (count > 0)
        {
            lines.Add(new(S["You contact {0} people.", count], "/admin/my-work", Warning: false));
        }

        if (ending > 0)
        {
            lines.Add(new(S["{0} of your contact assignments end within a month.", ending], "/admin/my-work", Warning: true));
        }

        return new DashboardBlock(S["My contacts"], lines, "/admin/my-work", S["Open my contact work"],
            S["You have no contact assignment yet: your branch secretary assigns the people you contact."], Position: -15);
    }
}

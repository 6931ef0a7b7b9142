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
        if (!scope.ManagesAnyBranch)
        {
            return [];
        }

        var today = clock.Today;
        var soon = today.AddDays(EndingWithinDays);
        var current = contacts.Contacts().Where(c => c.StartDate == null || c.StartDate <= today)
            .Where(c => c.EndDate == null || c.EndDate >= today);
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
}

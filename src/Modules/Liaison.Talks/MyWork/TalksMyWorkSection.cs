using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Obligations;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.MyWork;

public sealed record MyTalk(string ContentItemId, DateOnly? Date, string PersonName, int Occasion, int OpenFollowUps);

public sealed record TalksSectionModel(IReadOnlyList<ObligationRow> Due, IReadOnlyList<MyTalk> Recent);

/// <summary>The talks part of 我的联系工作: mandatory talks due or overdue, the latest talks, and the short form's link.</summary>
internal sealed class TalksMyWorkSection(ObligationService obligations, LiaisonDbContext db, IRosterQueries roster) : IMyWorkSection
{
    public int Order => 10;

    public async Task<MyWorkSection?> BuildAsync(ClaimsPrincipal user, int memberId, string branchId)
    {
        var due = (await obligations.ForMemberAsync(memberId)).Where(o => o.Status != ObligationStatus.Closed).ToList();
        var persons = roster.Persons();
        var members = roster.Members();
        var recent = await (from t in db.Set<TalkIndex>().AsNoTracking()
                            where t.Latest && t.MemberId == memberId
                            orderby t.Date descending
                            select new MyTalk(t.ContentItemId, t.Date,
                                (t.PartnerMemberId == null
                                    ? persons.Where(p => p.Id == t.PersonId).Select(p => p.Name).FirstOrDefault()
                                    : members.Where(m => m.Id == t.PartnerMemberId).Select(m => m.Name).FirstOrDefault()) ?? "",
                                t.Occasion, t.OpenFollowUps)).Take(10).ToListAsync();
        return new MyWorkSection("_TalksMyWork", new TalksSectionModel(due, recent));
    }
}

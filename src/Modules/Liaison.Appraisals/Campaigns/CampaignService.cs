using System.Security.Claims;
using Liaison.Appraisals.Data;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Campaigns;

public enum CampaignPhase
{
    NotOpen,
    Open,
    Closed,
}

/// <summary>What a secretary enters for a new campaign; times are school time.</summary>
public sealed class CampaignInput
{
    public string? BranchId { get; set; }

    public int? Year { get; set; }

    public string? Title { get; set; }

    public DateTime? Opens { get; set; }

    public DateTime? Closes { get; set; }
}

public sealed record CampaignRow(AppraisalCampaign Campaign, string BranchName, int Members, int Voters, int Voted, CampaignPhase Phase);

/// <summary>
/// Campaigns as the user may see them: a secretary their branch's, the committee all; everyone else none. The scope
/// is applied in the query (<see cref="Visible"/>), so a campaign of another branch is simply not found (404).
/// </summary>
public sealed class CampaignService(LiaisonDbContext db, IRosterQueries roster, ISchoolClock clock, IStringLocalizer<CampaignService> S)
{
    public async Task<IQueryable<AppraisalCampaign>> VisibleAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var campaigns = db.Set<AppraisalCampaign>().AsQueryable();
        if (scope.AllBranches)
        {
            return campaigns;
        }

        var branches = scope.BranchIds.ToList();
        return campaigns.Where(c => branches.Contains(c.BranchId));
    }

    public async Task<AppraisalCampaign?> FindAsync(ClaimsPrincipal user, int id)
        => await (await VisibleAsync(user)).FirstOrDefaultAsync(c => c.Id == id);

    public CampaignPhase PhaseOf(AppraisalCampaign c)
        => clock.UtcNow < c.OpensUtc ? CampaignPhase.NotOpen : clock.UtcNow < c.ClosesUtc ? CampaignPhase.Open : CampaignPhase.Closed;

    public async Task<List<CampaignRow>> ListAsync(ClaimsPrincipal user)
    {
        var rows = await (from c in await VisibleAsync(user)
                          join o in roster.Organizations() on c.BranchId equals o.Id into branch
                          from o in branch.DefaultIfEmpty()
                          orderby c.Year descending, c.OpensUtc descending
                          select new
                          {
                              Campaign = c,
                              BranchName = o == null ? c.BranchId : o.Name,
                              Members = db.Set<AppraisedMember>().Count(m => m.CampaignId == c.Id),
                              Voters = db.Set<AppraisalVoter>().Count(v => v.CampaignId == c.Id),
                              Voted = db.Set<AppraisalVoter>().Count(v => v.CampaignId == c.Id && v.Used),
                          }).AsNoTracking().Take(500).ToListAsync();
        return [.. rows.Select(r => new CampaignRow(r.Campaign, r.BranchName, r.Members, r.Voters, r.Voted, PhaseOf(r.Campaign)))];
    }

    /// <summary>The branches the user may open a campaign for.</summary>
    public async Task<List<RosterOrganization>> BranchesAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var branches = roster.Organizations().Where(o => o.IsBranch);
        if (!scope.AllBranches)
        {
            var ids = scope.BranchIds.ToList();
            branches = branches.Where(o => ids.Contains(o.Id));
        }

        return await branches.OrderBy(o => o.Name).ToListAsync();
    }

    /// <summary>Validates and stages a new campaign; null user: a recipe (no scope).</summary>
    public async Task<(AppraisalCampaign? Campaign, Dictionary<string, string> Errors)> CreateAsync(ClaimsPrincipal? user, CampaignInput input, string createdBy)
    {
        var errors = new Dictionary<string, string>();
        var branches = user is null
            ? await roster.Organizations().Where(o => o.IsBranch).Select(o => o.Id).ToListAsync()
            : (await BranchesAsync(user)).Select(b => b.Id).ToList();
        if (input.BranchId is null || !branches.Contains(input.BranchId))
        {
            errors[nameof(input.BranchId)] = S["Choose a branch you manage."];
        }

        if (input.Year is not (>= 2000 and <= 2999))
        {
            errors[nameof(input.Year)] = S["Enter the year appraised, such as 2026."];
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > AppraisalCampaign.MaxTitleLength)
        {
            errors[nameof(input.Title)] = S["Enter a title of at most {0} characters.", AppraisalCampaign.MaxTitleLength];
        }

        if (input.Opens is null)
        {
            errors[nameof(input.Opens)] = S["Enter when voting opens."];
        }

        if (input.Closes is null || (input.Opens is { } o && input.Closes <= o))
        {
            errors[nameof(input.Closes)] = S["Voting must close after it opens."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var campaign = new AppraisalCampaign
        {
            BranchId = input.BranchId!, Year = input.Year!.Value, Title = title!, CreatedBy = createdBy,
            OpensUtc = clock.ToUtc(input.Opens!.Value), ClosesUtc = clock.ToUtc(input.Closes!.Value),
        };
        db.Add(campaign);
        return (campaign, errors);
    }

    /// <summary>Members of the campaign's branch (to appraise or to vote) and persons of its masses roster.</summary>
    public async Task<(List<RosterMember> Members, List<RosterPerson> Persons)> CandidatesAsync(AppraisalCampaign campaign)
        => (await roster.Members().Where(m => m.BranchId == campaign.BranchId && m.Active).OrderBy(m => m.Number).ToListAsync(),
            await roster.Persons().Where(p => p.BranchId == campaign.BranchId && p.Active).OrderBy(p => p.Number).ToListAsync());

    /// <summary>
    /// Sets who is appraised and who votes; only before the first ballot. Voters keep their rows (and links) when they
    /// stay; new voters get an unguessable placeholder hash until a link is issued. Staged; the caller saves.
    /// </summary>
    public async Task<string?> SetParticipantsAsync(AppraisalCampaign campaign, IReadOnlyCollection<int> appraised, IReadOnlyCollection<int> memberVoters, IReadOnlyCollection<int> personVoters)
    {
        if (PhaseOf(campaign) == CampaignPhase.Closed || await db.Set<AppraisalBallot>().AnyAsync(b => b.CampaignId == campaign.Id))
        {
            return S["Once ballots are cast, the members and voters cannot change."];
        }

        var (members, persons) = await CandidatesAsync(campaign);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var personIds = persons.Select(p => p.Id).ToHashSet();
        if (!appraised.All(memberIds.Contains) || !memberVoters.All(memberIds.Contains) || !personVoters.All(personIds.Contains))
        {
            return S["Choose members and persons of the campaign's branch only."];
        }

        var current = await db.Set<AppraisedMember>().Where(m => m.CampaignId == campaign.Id).ToListAsync();
        db.RemoveRange(current.Where(c => !appraised.Contains(c.MemberId)));
        foreach (var id in appraised.Where(id => current.All(c => c.MemberId != id)).Distinct())
        {
            db.Add(new AppraisedMember { CampaignId = campaign.Id, MemberId = id });
        }

        var voters = await db.Set<AppraisalVoter>().Where(v => v.CampaignId == campaign.Id).ToListAsync();
        db.RemoveRange(voters.Where(v => v.MemberId is { } m ? !memberVoters.Contains(m) : !personVoters.Contains(v.PersonId ?? 0)));
        foreach (var id in memberVoters.Where(id => voters.All(v => v.MemberId != id)).Distinct())
        {
            db.Add(new AppraisalVoter { CampaignId = campaign.Id, MemberId = id, TokenHash = Voting.VoteTokens.Placeholder() });
        }

        foreach (var id in personVoters.Where(id => voters.All(v => v.PersonId != id)).Distinct())
        {
            db.Add(new AppraisalVoter { CampaignId = campaign.Id, PersonId = id, TokenHash = Voting.VoteTokens.Placeholder() });
        }

        return null;
    }
}

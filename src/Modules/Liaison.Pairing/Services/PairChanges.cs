using Liaison.Organization.Contracts;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Services;

/// <summary>The outcome of a change: not found (404), refused with a reason, or done with a message.</summary>
public sealed record ChangeResult(bool Found, bool Done, string Message)
{
    public static readonly ChangeResult NotFound = new(false, false, "");

    public static ChangeResult Refused(string message) => new(true, false, message);

    public static ChangeResult Ok(string message) => new(true, true, message);
}

/// <summary>
/// The secretary's adjustments of a branch's pairs in a term. A proposed pair is changed in place; a confirmed one
/// is ended (kept as history) and replaced by a new confirmed pair, because the change is itself the decision.
/// </summary>
public sealed class PairChanges(LiaisonDbContext db, IRosterQueries roster, TimeProvider clock, IStringLocalizer<PairChanges> S)
{
    public async Task<ChangeResult> MoveAsync(string branchId, string term, int pairId, int memberId, string userName)
    {
        var pair = await OpenPairAsync(branchId, term, pairId);
        if (pair is null)
        {
            return ChangeResult.NotFound;
        }

        var member = await ActiveMemberAsync(branchId, memberId);
        if (member is null)
        {
            return ChangeResult.Refused(S["Choose an active member of this branch."]);
        }

        var personName = await PersonNameAsync(pair.PersonId);
        if (member.Id == pair.MemberId)
        {
            return ChangeResult.Refused(S["{0} is already paired with {1}.", personName, member.Name]);
        }

        if (await IsExcludedAsync(member.Id, pair.PersonId))
        {
            return ChangeResult.Refused(S["{0} and {1} are excluded from being paired.", member.Name, personName]);
        }

        if (pair.Status == PairStatus.Proposed)
        {
            pair.MemberId = member.Id;
        }
        else
        {
            var now = End(pair, userName);
            db.Set<Pair>().Add(new Pair
            {
                Term = term, BranchId = branchId, MemberId = member.Id, PersonId = pair.PersonId, Status = PairStatus.Confirmed,
                CreatedBy = userName, CreatedUtc = now, ConfirmedBy = userName, ConfirmedUtc = now,
            });
        }

        await db.SaveChangesAsync();
        return ChangeResult.Ok(S["{0} is now paired with {1}.", personName, member.Name]);
    }

    public async Task<ChangeResult> RemoveAsync(string branchId, string term, int pairId, string userName)
    {
        var pair = await OpenPairAsync(branchId, term, pairId);
        if (pair is null)
        {
            return ChangeResult.NotFound;
        }

        if (pair.Status == PairStatus.Proposed)
        {
            db.Set<Pair>().Remove(pair);
        }
        else
        {
            End(pair, userName);
        }

        await db.SaveChangesAsync();
        return ChangeResult.Ok(S["The pair of {0} and {1} was removed.", await MemberNameAsync(pair.MemberId), await PersonNameAsync(pair.PersonId)]);
    }

    public async Task<ChangeResult> AddExclusionAsync(string branchId, string term, int memberId, int personId, string? reason)
    {
        var member = await ActiveMemberAsync(branchId, memberId);
        var person = await roster.Persons().FirstOrDefaultAsync(p => p.Id == personId && p.BranchId == branchId);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (member is null || person is null)
        {
            return ChangeResult.Refused(S["Choose a member and a person of this branch."]);
        }

        if (reason?.Length > 200)
        {
            return ChangeResult.Refused(S["The reason can have at most {0} characters.", 200]);
        }

        if (await IsExcludedAsync(member.Id, person.Id))
        {
            return ChangeResult.Refused(S["{0} and {1} are already excluded from being paired.", member.Name, person.Name]);
        }

        var pair = await db.Set<Pair>().FirstOrDefaultAsync(p => p.Term == term && p.MemberId == member.Id && p.PersonId == person.Id && p.Status != PairStatus.Ended);
        if (pair?.Status == PairStatus.Confirmed)
        {
            return ChangeResult.Refused(S["{0} and {1} are confirmed partners; remove their pair first.", member.Name, person.Name]);
        }

        if (pair is not null)
        {
            db.Set<Pair>().Remove(pair);
        }

        db.Set<PairExclusion>().Add(new PairExclusion { BranchId = branchId, MemberId = member.Id, PersonId = person.Id, Reason = reason });
        await db.SaveChangesAsync();
        return ChangeResult.Ok(S["{0} and {1} will not be paired.", member.Name, person.Name]);
    }

    public async Task<ChangeResult> RemoveExclusionAsync(string branchId, int exclusionId)
    {
        var exclusion = await db.Set<PairExclusion>()
            .FirstOrDefaultAsync(x => x.Id == exclusionId && x.BranchId == branchId);
        if (exclusion is null)
        {
            return ChangeResult.NotFound;
        }

        db.Set<PairExclusion>().Remove(exclusion);
        await db.SaveChangesAsync();
        return ChangeResult.Ok(S["{0} and {1} may be paired again.", await MemberNameAsync(exclusion.MemberId), await PersonNameAsync(exclusion.PersonId)]);
    }

    private Task<Pair?> OpenPairAsync(string branchId, string term, int pairId)
        => db.Set<Pair>()
            .FirstOrDefaultAsync(p => p.Id == pairId && p.BranchId == branchId && p.Term == term && p.Status != PairStatus.Ended);

    private Task<RosterMember?> ActiveMemberAsync(string branchId, int memberId)
        => roster.Members().FirstOrDefaultAsync(m => m.Id == memberId && m.BranchId == branchId && m.Active);

    private async Task<string> MemberNameAsync(int memberId)
        => await roster.Members().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync() ?? "";

    private async Task<string> PersonNameAsync(int personId)
        => await roster.Persons().Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync() ?? "";

    private Task<bool> IsExcludedAsync(int memberId, int personId)
        => db.Set<PairExclusion>().AnyAsync(x => x.MemberId == memberId && x.PersonId == personId);

    private DateTime End(Pair pair, string userName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        pair.Status = PairStatus.Ended;
        pair.EndedBy = userName;
        pair.EndedUtc = now;
        return now;
    }
}

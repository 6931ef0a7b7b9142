using Liaison.Pairing.Data;
using Liaison.Pairing.Planning;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Services;

/// <summary>The outcome of a pairing run: the proposal and what to tell the secretary (localized).</summary>
public sealed record PairingRun(PairingProposal Proposal, string Summary, IReadOnlyList<string> Notices);

/// <summary>
/// Runs the pairing of a branch and term (replacing unconfirmed proposals, keeping confirmed pairs) and confirms it.
/// The caller has checked that the user manages the branch and that the term is valid.
/// </summary>
public sealed class PairingService(
    LiaisonDbContext db, PairingInputLoader loader, TimeProvider clock, IStringLocalizer<PairingService> S)
{
    public async Task<PairingRun> GenerateAsync(string branchId, string term, string userName)
    {
        var input = await loader.LoadAsync(branchId, term);
        var proposal = PairingAlgorithm.Propose(input);
        var stale = await db.Set<Pair>()
            .Where(p => p.BranchId == branchId && p.Term == term && p.Status == PairStatus.Proposed).ToListAsync();
        db.Set<Pair>().RemoveRange(stale);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in proposal.NewPairs)
        {
            db.Set<Pair>().Add(new Pair
            {
                Term = term,
                BranchId = branchId,
                MemberId = pair.MemberId,
                PersonId = pair.PersonId,
                Status = PairStatus.Proposed,
                CreatedBy = userName,
                CreatedUtc = now,
            });
        }

        await db.SaveChangesAsync();
        return new PairingRun(proposal, PairingMessages.Summary(proposal, input.Kept.Count, S), [.. PairingMessages.Notices(proposal, S)]);
    }

    /// <summary>Confirms every proposed pair of the branch and term; returns how many.</summary>
    public async Task<int> ConfirmAsync(string branchId, string term, string userName)
    {
        var proposed = await db.Set<Pair>()
            .Where(p => p.BranchId == branchId && p.Term == term && p.Status == PairStatus.Proposed).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in proposed)
        {
            pair.Status = PairStatus.Confirmed;
            pair.ConfirmedBy = userName;
            pair.ConfirmedUtc = now;
        }

        await db.SaveChangesAsync();
        return proposed.Count;
    }
}

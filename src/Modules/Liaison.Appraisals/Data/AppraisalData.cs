using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Appraisals.Data;

/// <summary>The four ratings of a democratic appraisal (民主评议党员, SPEC R7).</summary>
public enum Rating
{
    /// <summary>优秀.</summary>
    Excellent = 0,

    /// <summary>合格.</summary>
    Competent = 1,

    /// <summary>基本合格.</summary>
    BasicallyCompetent = 2,

    /// <summary>不合格.</summary>
    Incompetent = 3,
}

/// <summary>A democratic appraisal of a branch's members in a year: who is appraised, who votes, when.</summary>
public sealed class AppraisalCampaign
{
    public const int MaxTitleLength = 100;

    public int Id { get; set; }

    /// <summary>The 党支部 (PartyBranch content item id); every query is scoped by it.</summary>
    public string BranchId { get; set; } = "";

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateTime OpensUtc { get; set; }

    public DateTime ClosesUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>The PublicNotice of the results, once published.</summary>
    public string? NoticeContentItemId { get; set; }

    /// <summary>Whether the feedback talks (occasion 5) were required after closing.</summary>
    public bool FeedbackRequired { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AppraisalCampaign>(e =>
    {
        e.ToTable("AppraisalCampaigns");
        e.HasKey(x => x.Id);
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Title).HasMaxLength(MaxTitleLength).IsRequired();
        e.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        e.Property(x => x.NoticeContentItemId).HasMaxLength(26);
        e.HasIndex(x => new { x.BranchId, x.Year });
        e.HasIndex(x => x.ClosesUtc);
    });
}

/// <summary>A member to be appraised in a campaign, with their self-assessment (shown to voters).</summary>
public sealed class AppraisedMember
{
    public const int MaxSelfAssessmentLength = 2000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int MemberId { get; set; }

    public string? SelfAssessment { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AppraisedMember>(e =>
    {
        e.ToTable("AppraisedMembers");
        e.HasKey(x => x.Id);
        e.Property(x => x.SelfAssessment).HasMaxLength(MaxSelfAssessmentLength);
        e.HasOne<AppraisalCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.MemberId }).IsUnique();
        e.ReferencesMember(nameof(MemberId));
    });
}

/// <summary>How a voter got their link.</summary>
public enum VoterDelivery
{
    None = 0,
    Mail = 1,
    Slip = 2,
}

/// <summary>
/// A voter of a campaign (a member or a person of the masses roster) and the hash of their one-time link. It knows
/// whether the voter has voted, never what, and keeps no time of voting; issuing a new link replaces the hash.
/// </summary>
public sealed class AppraisalVoter
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int? MemberId { get; set; }

    public int? PersonId { get; set; }

    /// <summary>SHA-256 (hex) of the token in the link; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    public bool Used { get; set; }

    public VoterDelivery Delivery { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AppraisalVoter>(e =>
    {
        e.ToTable("AppraisalVoters");
        e.HasKey(x => x.Id);
        e.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        e.HasOne<AppraisalCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.CampaignId, x.MemberId });
        e.HasIndex(x => new { x.CampaignId, x.PersonId });
        e.ReferencesMember(nameof(MemberId));
        e.ReferencesPerson(nameof(PersonId));
    });
}

/// <summary>
/// One rating of one appraised member on one ballot. Secret by construction: no voter, no token, no time finer than
/// the day, and a random key (a version-4 GUID), so neither a column nor the key's order leads back to a voter. The
/// rows are stored in key order, not in voting order (see <see cref="Voting.BallotOrder"/>): on SQLite the table is
/// <c>WITHOUT ROWID</c>, made so by raw SQL in the migration <c>StoreBallotsByRandomKey</c> because EF Core has no
/// option for it. A later migration that rebuilds this table on SQLite must keep <c>WITHOUT ROWID</c>
/// (UnlinkabilityTests checks the stored schema).
/// </summary>
public sealed class AppraisalBallot
{
    public const int MaxCommentLength = 500;

    public Guid Id { get; set; }

    public int CampaignId { get; set; }

    public int MemberId { get; set; }

    public Rating Rating { get; set; }

    public string? Comment { get; set; }

    public DateOnly Day { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AppraisalBallot>(e =>
    {
        e.ToTable("AppraisalBallots");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Comment).HasMaxLength(MaxCommentLength);
        e.HasOne<AppraisalCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CampaignId, x.MemberId });
        e.ReferencesMember(nameof(MemberId));
    });
}

/// <summary>Members and persons referenced by campaigns are deactivated, not deleted.</summary>
internal sealed class AppraisalRosterReferences(LiaisonSite.Core.Data.LiaisonDbContext db) : IRosterReferences
{
    public async Task<bool> IsMemberReferencedAsync(int memberId)
        => await db.Set<AppraisedMember>().AnyAsync(m => m.MemberId == memberId)
            || await db.Set<AppraisalVoter>().AnyAsync(v => v.MemberId == memberId)
            || await db.Set<AppraisalBallot>().AnyAsync(b => b.MemberId == memberId);

    public async Task<bool> IsPersonReferencedAsync(int personId)
        => await db.Set<AppraisalVoter>().AnyAsync(v => v.PersonId == personId);
}

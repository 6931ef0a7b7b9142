using LiaisonSite.Core.ContentManagement;

namespace Liaison.Notices.Parts;

/// <summary>A public notice (公示): its kind, its period in UTC, the branch it concerns and when it closed.</summary>
public sealed class PublicNoticePart : ContentPart
{
    public string? Kind { get; set; }

    public DateTime? StartUtc { get; set; }

    public DateTime? EndUtc { get; set; }

    /// <summary>The PartyBranch content item the notice concerns; none for a committee-wide notice.</summary>
    public string? Branch { get; set; }

    /// <summary>Set by the closing job once the period has ended.</summary>
    public DateTime? ClosedUtc { get; set; }
}

/// <summary>The kinds of public notice of SPEC R7. The stored value is the Chinese name, as in the recipes.</summary>
public static class NoticeKinds
{
    public const string NewMembers = "发展党员公示";
    public const string CadrePromotion = "干部提拔预告";
    public const string SchoolAffairs = "校务公开";
    public const string DemocraticAppraisal = "民主评议结果";

    public static readonly IReadOnlyList<string> All = [NewMembers, CadrePromotion, SchoolAffairs, DemocraticAppraisal];
}

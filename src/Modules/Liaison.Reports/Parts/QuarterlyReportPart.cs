using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Time;

namespace Liaison.Reports.Parts;

/// <summary>
/// A member's quarterly report to the branch (季度汇报, SPEC R9): whose, which quarter, the figures of that quarter
/// (computed from the records at every save, so frozen as handed in, since a handed-in report cannot be changed) and
/// the narrative sections. Saving keeps a draft; handing in (the transient JSON flag <c>"HandIn": true</c> on the
/// part, which the member's 提交审核 button, the API and recipes set) sends it to the branch secretary. The branch is
/// kept twice: <see cref="BranchId"/> for scoping, and <see cref="Branch"/> in the content-picker shape the workflow
/// reads to offer the review task to that branch's secretary.
/// </summary>
public sealed class QuarterlyReportPart : ContentPart
{
    public int MemberId { get; set; }

    /// <summary>"2026-Q3".</summary>
    public string Quarter { get; set; } = "";

    public string? BranchId { get; set; }

    public BranchPicker Branch { get; set; } = new();

    public ReportFigures Figures { get; set; } = new();

    /// <summary>When the report was first handed in (on time or late is decided by this); null for a draft never handed in.</summary>
    public DateTime? FirstSubmittedUtc { get; set; }

    /// <summary>The latest hand-in; null while the latest version is a draft the member saved.</summary>
    public DateTime? SubmittedUtc { get; set; }

    /// <summary>How often it was handed in: one more than the secretary's decisions so far at each hand-in.</summary>
    public int HandIns { get; set; }

    public string? WorkDone { get; set; }

    public string? Problems { get; set; }

    public string? Cases { get; set; }

    public string? NextPlan { get; set; }
}

/// <summary>A content picker field's value: the workflow finds the item's branch in it.</summary>
public sealed class BranchPicker
{
    public List<string> ContentItemIds { get; set; } = [];
}

/// <summary>What the records say about one member in a period.</summary>
public sealed class ReportFigures
{
    /// <summary>Distinct contact targets talked with, per contact category 1–4 (index 0 unused).</summary>
    public int[] ContactsByCategory { get; set; } = new int[5];

    /// <summary>Talks per occasion: 0 regular, 1–5 the five mandatory occasions.</summary>
    public int[] TalksByOccasion { get; set; } = new int[6];

    public int MandatoryOnTime { get; set; }

    public int MandatoryLate { get; set; }

    public int MandatoryOverdue { get; set; }

    /// <summary>Follow-up items of the period's talks still open.</summary>
    public int FollowUpsOpen { get; set; }

    /// <summary>Follow-up items opened at the period's talks.</summary>
    public int FollowUpsOpened { get; set; }

    /// <summary>Follow-up items of the member's talks closed in the period (whenever they were opened).</summary>
    public int FollowUpsClosed { get; set; }

    /// <summary>Forums (座谈会) the member hosted or attended in the period.</summary>
    public int ForumsAttended { get; set; }

    /// <summary>Visits a leading cadre recorded to their section or contact unit in the period (R6, Organization).</summary>
    public int Visits { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public int Talks => TalksByOccasion.Sum();

    [System.Text.Json.Serialization.JsonIgnore]
    public int ContactsMet => ContactsByCategory.Sum();
}

public static class ReportLimits
{
    public const int Text = 4000;
}

/// <summary>Quarter keys ("2026-Q3") as the school clock writes them.</summary>
public static class Quarters
{
    public static SchoolPeriod? Parse(string? key)
    {
        if (key is not { Length: 7 } || key[4] != '-' || key[5] != 'Q'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2999 || key[6] is < '1' or > '4')
        {
            return null;
        }

        return SchoolPeriod.QuarterOf(new DateOnly(year, ((key[6] - '1') * 3) + 1, 1));
    }

    /// <summary>"2026-H2" → its two quarters.</summary>
    public static SchoolPeriod? ParseHalfYear(string? key)
    {
        if (key is not { Length: 7 } || key[4] != '-' || key[5] != 'H'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2999 || key[6] is not ('1' or '2'))
        {
            return null;
        }

        return SchoolPeriod.HalfYearOf(new DateOnly(year, key[6] == '1' ? 1 : 7, 1));
    }

    public static IReadOnlyList<string> In(SchoolPeriod period)
    {
        var list = new List<string>();
        for (var d = period.Start; d < period.End; d = d.AddMonths(3))
        {
            list.Add(SchoolPeriod.QuarterOf(d).Key);
        }

        return list;
    }

    /// <summary>The last quarters up to the current one, newest first.</summary>
    public static IReadOnlyList<string> Recent(DateOnly today, int count)
        => [.. Enumerable.Range(0, count).Select(i => SchoolPeriod.QuarterOf(today.AddMonths(-3 * i)).Key)];
}

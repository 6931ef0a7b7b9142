using LiaisonSite.Core.Navigation;

namespace Liaison.Admin.Dashboard;

/// <summary>Per content type: items with a published version, and items whose latest version is a draft.</summary>
public sealed record TypeCount(string ContentType, string DisplayName, int Published, int Drafts);

/// <summary>A draft of the user's; the controller turns ModifiedUtc into the site's time zone before display.</summary>
public sealed record DraftRow(string ContentItemId, string ContentType, string DisplayText, DateTime? ModifiedUtc);

public sealed record DashboardViewModel(
    string UserDisplayName,
    IReadOnlyList<TypeCount> Counts,
    IReadOnlyList<DraftRow> MyDrafts,
    IReadOnlyList<IGrouping<string, AdminMenuItem>> QuickLinks,
    IReadOnlyList<DashboardNote> Notes)
{
    /// <summary>The blocks of the user's own work the modules give (<see cref="IDashboardNotes.BlocksAsync"/>).</summary>
    public IReadOnlyList<DashboardBlock> Blocks { get; init; } = [];
}

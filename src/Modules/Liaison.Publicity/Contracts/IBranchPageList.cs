namespace Liaison.Publicity.Contracts;

/// <summary>
/// A list another module adds to a party branch's public page (issue 15, item 6), e.g. Notices' published notices of
/// the branch. Only published, public items: the page is anonymous and output-cached under the public-content tag,
/// which every publish, withdrawal and removal evicts.
/// </summary>
public interface IBranchPageList
{
    /// <summary>Lists are shown in this order after the branch's news (0) and typical examples (10).</summary>
    int Order { get; }

    Task<BranchPageList> BuildAsync(string branchContentItemId, int count, CancellationToken cancellationToken);
}

/// <summary>A list: its heading, the newest items, a link to all of them and what to say when there are none.</summary>
public sealed record BranchPageList(string Title, IReadOnlyList<BranchPageLink> Items, string MoreText, string MoreUrl, string EmptyText);

public sealed record BranchPageLink(string Title, string? Url, DateOnly? Date);

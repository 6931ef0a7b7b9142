namespace LiaisonSite.Core.Mvc;

/// <summary>A page of a list: 1-based page number, page size and the total, for the shared pager view.</summary>
public sealed record Pager(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Math.Max(1, PageSize)));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public int Skip => (int)Math.Min(int.MaxValue, (Math.Max(1L, Page) - 1) * PageSize);

    /// <summary>No list has this many pages; a larger number (?page=2147483647) would overflow the offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Clamps user input: 1 ≤ page ≤ <see cref="MaxPage"/>, 1 ≤ size ≤ max.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize, int defaultSize = 20, int maxSize = 100)
        => (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? defaultSize, 1, maxSize));
}

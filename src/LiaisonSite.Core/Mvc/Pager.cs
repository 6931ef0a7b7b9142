namespace LiaisonSite.Core.Mvc;

/// <summary>A page of a list: 1-based page number, page size and the total, for the shared pager view.</summary>
public sealed record Pager(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Math.Max(1, PageSize)));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public int Skip => (Math.Max(1, Page) - 1) * PageSize;

    /// <summary>Clamps user input: page ≥ 1, 1 ≤ size ≤ max.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize, int defaultSize = 20, int maxSize = 100)
        => (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, maxSize));
}

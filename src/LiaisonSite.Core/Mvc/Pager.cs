namespace LiaisonSite.Core.Mvc;

/// <summary>A page of a list: 1-based page number, page size and the total, for the shared pager view.</summary>
public sealed record Pager(int Page, int PageSize, int Total)
{
    /// <summary>
    /// The list has at least <see cref="Total"/> items, and maybe more: counting stopped there (a filter no index
    /// serves, counted only as far as <see cref="CountLimit"/>). The pager says "of N or more" pages.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Math.Max(1, PageSize)));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public int Skip => SkipOf(Page, PageSize);

    /// <summary>The rows before page <paramref name="page"/>.</summary>
    public static int SkipOf(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(1L, page) - 1) * pageSize);

    /// <summary>
    /// The total that a page's rows tell by themselves: a page with fewer rows than its size is the last one, so the
    /// list has <c>(page - 1) × size + rows</c> items and needs no count (an empty first page: none). Null when the page
    /// is full, or empty past the first, and only a count can tell. A filter that no index serves (the admin list's
    /// text filter) costs a pass over every row for its count: a rare word's first page then costs one pass, not two.
    /// </summary>
    public static int? TotalOf(int page, int pageSize, int rowsOnPage)
        => rowsOnPage < pageSize && (rowsOnPage > 0 || page == 1) ? (int)Math.Min(int.MaxValue, (long)SkipOf(page, pageSize) + rowsOnPage) : null;

    /// <summary>
    /// How far to count a list whose exact count would read every row (a filter no index serves): ten pages past
    /// <paramref name="page"/>. Count at most this many plus one; finding more means the total is a lower bound.
    /// </summary>
    public static int CountLimit(int page, int pageSize) => (int)Math.Min(int.MaxValue - 1, (long)SkipOf(page, pageSize) + 10L * pageSize);

    /// <summary>No list has this many pages; a larger number (?page=2147483647) would overflow the offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Clamps user input: 1 ≤ page ≤ <see cref="MaxPage"/>, 1 ≤ size ≤ max.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize, int defaultSize = 20, int maxSize = 100)
        => (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? defaultSize, 1, maxSize));
}

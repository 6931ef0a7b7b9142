using System.Globalization;

namespace Liaison.Publicity.Listing;

/// <summary>Dates as readers of each language expect them: 2026年3月12日 / Mar 12, 2026.</summary>
public static class DateText
{
    public static string Format(DateOnly date)
        => CultureInfo.CurrentCulture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? date.ToString("yyyy年M月d日", CultureInfo.CurrentCulture)
            : date.ToString("MMM d, yyyy", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable form for the datetime attribute of time.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Security;

/// <summary>
/// One number of a limit on the public forms and sign-in (how many requests one client may send, or the window they
/// are counted in), declared by the module that enforces it. An administrator sets it on /admin/settings/public; its
/// configuration key (<see cref="Key"/>, e.g. <c>Liaison:Outreach:OpinionsPerWindow</c>) wins when it is set, and the
/// page shows it read-only — as the mail settings do.
/// </summary>
/// <param name="Key">The configuration key, which is also the setting's name in the saved document.</param>
/// <param name="Max">The largest value accepted (the smallest is 1).</param>
/// <param name="Resource">The type whose localizer translates <paramref name="Group"/>, i.e. the declaring module's.</param>
/// <param name="Group">What is limited ("公示异议"), shared by a limit's numbers.</param>
/// <param name="Kind">Which number of the limit this is.</param>
/// <param name="Order">Where the group stands on the page.</param>
public sealed record RequestLimitSetting(
    string Key,
    int Default,
    int Max,
    Type Resource,
    Func<IStringLocalizer, LocalizedString> Group,
    RequestLimitKind Kind,
    int Order);

public enum RequestLimitKind
{
    /// <summary>Requests per browser (its cookie) in the window.</summary>
    PerBrowser,

    /// <summary>Requests per client IP address in the window.</summary>
    PerAddress,

    /// <summary>The window's length in minutes.</summary>
    WindowMinutes,
}

/// <summary>The values an administrator saved, by configuration key; a key not here takes its default.</summary>
public sealed class RequestLimitsDocument
{
    public Dictionary<string, int> Values { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The limits' values as they hold now: configuration, else what was saved, else the default.</summary>
public interface IRequestLimits
{
    /// <summary>Every declared number, in page order.</summary>
    IReadOnlyList<RequestLimitSetting> Settings { get; }

    Task<int> GetAsync(string key, int defaultValue);

    /// <summary>
    /// For the rate limiter's partitioner, which cannot wait: the saved values come from the node's document cache,
    /// so this completes at once except for the first read after a change (one query, on this thread).
    /// </summary>
    int Get(string key, int defaultValue);

    /// <summary>Whether configuration sets <paramref name="key"/> (then the saved value is not used).</summary>
    bool IsConfigured(string key);

    Task<RequestLimitsDocument> GetSavedAsync();

    /// <summary>Stages the saved values (declared keys only, each within its bounds); written by the next SaveChanges.</summary>
    Task SaveAsync(IReadOnlyDictionary<string, int> values);
}

internal sealed class RequestLimits(IDocumentStore documents, IConfiguration configuration, IEnumerable<RequestLimitSetting> settings)
    : IRequestLimits
{
    public const string DocumentKey = "RequestLimits";

    private readonly List<RequestLimitSetting> _settings = [.. settings.OrderBy(s => s.Order)];

    public IReadOnlyList<RequestLimitSetting> Settings => _settings;

    public async Task<int> GetAsync(string key, int defaultValue)
    {
        if (Configured(key) is { } configured)
        {
            return Math.Max(1, configured);
        }

        var saved = await GetSavedAsync();
        return saved.Values.TryGetValue(key, out var value) && value >= 1 ? value : Math.Max(1, defaultValue);
    }

    public int Get(string key, int defaultValue)
    {
        var read = GetAsync(key, defaultValue);
        return read.IsCompletedSuccessfully ? read.Result : read.GetAwaiter().GetResult();
    }

    public bool IsConfigured(string key) => Configured(key) is not null;

    public Task<RequestLimitsDocument> GetSavedAsync() => documents.GetAsync<RequestLimitsDocument>(DocumentKey);

    public async Task SaveAsync(IReadOnlyDictionary<string, int> values)
    {
        var document = await GetSavedAsync();
        foreach (var setting in _settings)
        {
            if (values.TryGetValue(setting.Key, out var value))
            {
                document.Values[setting.Key] = Math.Clamp(value, 1, setting.Max);
            }
        }

        await documents.SaveAsync(DocumentKey, document);
    }

    private int? Configured(string key)
        => int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

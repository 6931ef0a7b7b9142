using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Liaison.Reports.Settings;

/// <summary>
/// The committee's settings of quarterly reports (site document <see cref="DocumentKey"/>, edited at
/// /admin/reports/settings): the report deadline and the yearly liaison score rule. Unset, the configuration's <c>Liaison:Reports:DeadlineDays</c> (10)
/// applies.
/// </summary>
public sealed class ReportSettings
{
    public const string DocumentKey = "ReportSettings";

    /// <summary>Days after a quarter ends by which its report is due; null: the configured default.</summary>
    public int? DeadlineDays { get; set; }

    /// <summary>The yearly liaison score's rule (R12).</summary>
    public Scores.ScoreRule Score { get; set; } = new();
}

/// <summary>The effective settings: the site document over the configuration's defaults.</summary>
internal sealed class ReportSettingsService(IDocumentStore documents, IConfiguration configuration)
{
    public const int MaxDeadlineDays = 90;

    /// <summary><c>Liaison:Reports:DeadlineDays</c> (10), the deadline while the committee has set none.</summary>
    public int DefaultDeadlineDays => Math.Clamp(configuration.GetValue("Liaison:Reports:DeadlineDays", 10), 0, MaxDeadlineDays);

    public Task<ReportSettings> GetAsync() => documents.GetAsync<ReportSettings>(ReportSettings.DocumentKey);

    public async Task<int> DeadlineDaysAsync() => (await GetAsync()).DeadlineDays ?? DefaultDeadlineDays;

    public async Task<Scores.ScoreRule> ScoreRuleAsync() => (await GetAsync()).Score ?? new();

    public Task SaveAsync(ReportSettings settings) => documents.SaveAsync(ReportSettings.DocumentKey, settings);
}

using LiaisonSite.Core.Settings;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiaisonSite.Core.Hosting;

/// <summary>Healthy once the database answers and setup has completed.</summary>
internal sealed class SiteReadyHealthCheck(ISiteService site) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var settings = await site.GetSettingsAsync();
            return settings.SetupCompletedUtc is null
                ? HealthCheckResult.Unhealthy("The site is not set up yet.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

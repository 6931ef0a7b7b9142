using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Liaison.Setup.Setup;

/// <summary>
/// Non-interactive setup for scripts and tests: when Liaison:Setup:AdminUserName is configured and the site is
/// empty, sets it up at start from Liaison:Setup:* and fails the start with the reason if that is impossible.
/// </summary>
internal sealed class SetupFromConfiguration(IConfiguration configuration, ILogger<SetupFromConfiguration> logger) : IStartupTask
{
    public int Order => -1000;

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Liaison:Setup");
        if (string.IsNullOrWhiteSpace(section["AdminUserName"]))
        {
            return;
        }

        if ((await services.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is not null)
        {
            return;
        }

        var request = new SetupRequest
        {
            SiteName = section["SiteName"] ?? "LiaisonSite",
            AdminUserName = section["AdminUserName"]!,
            AdminEmail = section["AdminEmail"] ?? "",
            AdminPassword = section["AdminPassword"] ?? "",
            DemoPassword = section["DemoPassword"],
            Recipe = section["Recipe"] ?? "liaison",
        };
        var errors = await services.GetRequiredService<ISetupService>().SetupAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Setup from configuration (Liaison:Setup) failed: " + string.Join(" ", errors));
        }

        logger.LogInformation("Site '{SiteName}' set up from configuration with recipe '{Recipe}'.", request.SiteName, request.Recipe);
    }
}

using Liaison.Setup.Setup;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Setup;

/// <summary>The setup page of an empty site, and setup from configuration (Liaison:Setup:*) for scripts.</summary>
public sealed class SetupModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISetupService, SetupService>();
        services.AddScoped<RecipeLocator>();
        services.AddScoped<IStartupTask, SetupFromConfiguration>();
    }
}

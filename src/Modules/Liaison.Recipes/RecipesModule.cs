using Liaison.Recipes.Commands;
using Liaison.Recipes.Services;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Recipes;

public sealed class RecipesModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IRecipeHarvester, RecipeHarvester>();
        services.AddScoped<RecipeExporter>();
        services.AddScoped<ICommandLineCommand, RecipeRunCommand>();
        services.AddScoped<ICommandLineCommand, RecipeExportCommand>();
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
    }
}

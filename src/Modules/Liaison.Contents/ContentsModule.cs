using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Contents;

public sealed class ContentsModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IRecipeStepHandler, Recipes.ContentStep>();
    }
}

using Liaison.ContentTypes.Recipes;
using Liaison.ContentTypes.Services;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.ContentTypes;

public sealed class ContentTypesModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FieldSettingsTypes>();
        services.AddScoped<ContentTypeEditorService>();
        services.AddScoped<ContentFieldEditorService>();
        services.AddScoped<FieldSettingsEditor>();
        services.AddScoped<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
    }
}

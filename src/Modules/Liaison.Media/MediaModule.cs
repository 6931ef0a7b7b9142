using Liaison.ContentParts.Fields;
using Liaison.Media.Endpoints;
using Liaison.Media.Recipes;
using Liaison.Media.Storage;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Media;

/// <summary>The media library: image upload (re-encoded, metadata stripped, resized), /media serving, the Media recipe step.</summary>
public sealed class MediaModule : LiaisonModule
{
    /// <summary>The MediaField (Liaison.ContentParts) is what holds library paths.</summary>
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.ContentParts.ContentPartsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => MediaOptions.From(configuration, sp.GetRequiredService<LiaisonOptions>()));
        services.AddSingleton<MediaStore>();
        services.AddSingleton<Processing.ImageDecodeGate>();
        services.AddSingleton<IMediaImageResolver, MediaImageResolver>();
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IRecipeStepHandler, MediaStep>();
        services.AddScoped<Contracts.IMediaExport, Export.MediaExport>();
        services.AddScoped<IRecipeStepExporter, MediaExporter>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => MediaFileEndpoint.Map(endpoints);
}

using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Forms;

/// <summary>
/// Forms (Orchard's Forms, the simple way): a content type with FormPart is offered as a form to the roles its
/// settings name (/admin/forms/{type}) and, when public, to everyone (/forms/{type}); a submission creates a draft of
/// the type, owned by the submitter and in their branch, and raises "form submitted" for workflows.
/// </summary>
public sealed class FormsModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.Organization.OrganizationModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<FormTypes>();
        services.AddScoped<FormSubmissions>();
        services.AddClientRateLimit<FormsController>(FormsController.RateLimit, new ClientRateLimit(
            "Liaison:Forms:SubmissionsPerWindow", 10, "Liaison:Forms:WindowMinutes", 10,
            S => S["You have sent this form too often in a short time. Please try again in a few minutes."],
            S => S["Public forms"], 30));
    }
}

using Liaison.Users.Account;
using Liaison.Users.Api;
using Liaison.Users.Recipes;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Liaison.Users;

public sealed class UsersModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddScoped<IRecipeStepExporter, RolesExporter>();
        services.AddScoped<IRecipeStepHandler, UsersStep>();
        services.AddScoped<IRoleDefaults, RoleDefaults>();
        services.AddScoped<RolePermissionsEditor>();
        services.AddScoped<UsersAdmin.UserAccounts>();
        services.AddScoped<Grants.GrantRules>();

        // Disabled accounts cannot sign in (cookie or token).
        services.Replace(ServiceDescriptor.Scoped<SignInManager<LiaisonUser>, LiaisonSignInManager>());
        // Sign-in attempts (POST /login and POST /api/token together) per client: lockout stays per account (5 failures,
        // 15 minutes); this limit stops one client from trying names one after another until every account is locked.
        services.AddClientRateLimit<AccountController>(AccountController.SignInRateLimit, new ClientRateLimit(
            "Liaison:SignIn:AttemptsPerWindow", 20, "Liaison:SignIn:WindowMinutes", 10,
            S => S["Too many sign-in attempts from your network. Please wait a few minutes and try again."],
            S => S["Sign-in"], 50, Sliding: true));

        // Check the security stamp on every request: changing a user's roles, disabling the account or setting a new
        // password ends their open sessions at once, not after Identity's default 30 minutes. The site has a few
        // hundred users, so one indexed lookup per request is cheap.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTokenEndpoint();
}

using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Hosting;

internal static class IdentityServices
{
    /// <summary>Picks the bearer scheme when the request carries a bearer token, the cookie otherwise.</summary>
    public const string SmartScheme = "Liaison.Smart";

    public static void AddLiaisonIdentity(this IServiceCollection services)
    {
        services.AddIdentity<LiaisonUser, LiaisonRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<LiaisonDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "liaison.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes401);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes403);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = context =>
                IsBearer(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
    }

    public static bool IsBearer(HttpRequest request)
        => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private const int StatusCodes401 = 401;
    private const int StatusCodes403 = 403;

    // API callers get a status code, people get the sign-in page.
    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Bearer tokens carry the principal of their sign-in for up to an hour; cookies have their security stamp checked on
/// every request, and so do bearer tokens here: a token whose account was disabled, deleted, or given a new stamp
/// (new roles, new password) authenticates nobody from its next request on. One indexed look-up per API request.
/// </summary>
internal sealed class BearerSecurityStampMiddleware(RequestDelegate next)
{
    // The sign-in manager (and the user store behind it) is resolved only for a bearer request: an anonymous
    // visitor's request does no authentication work.
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && IdentityServices.IsBearer(context.Request)
            && context.RequestServices.GetRequiredService<SignInManager<LiaisonUser>>() is var signIn
            && (await signIn.ValidateSecurityStampAsync(context.User) is not { } user || !await signIn.CanSignInAsync(user)))
        {
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(context);
    }
}

using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddScoped<AuthenticationService>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationService, CredentialsFirstAuthentication>());
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

/// <summary>
/// The framework's authentication, except that a request without credentials — no cookie and no Authorization header,
/// as most views of public pages are — authenticates nobody without asking the handlers: every scheme here (the cookie,
/// bearer tokens) reads one of those two, so the answer is the same, and a page the output cache answers does no
/// authentication work.
/// </summary>
internal sealed class CredentialsFirstAuthentication(AuthenticationService inner) : IAuthenticationService
{
    private static readonly Task<AuthenticateResult> s_nobody = Task.FromResult(AuthenticateResult.NoResult());

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        => context.Request.Headers.ContainsKey("Cookie") || context.Request.Headers.ContainsKey("Authorization")
            ? inner.AuthenticateAsync(context, scheme)
            : s_nobody;

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, System.Security.Claims.ClaimsPrincipal principal, AuthenticationProperties? properties)
        => inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
}

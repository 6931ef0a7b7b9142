using Liaison.Users.Account;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Api;

public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>
/// POST /api/token {"userName","password"} → {"tokenType":"Bearer","accessToken","expiresIn","refreshToken"} (Identity's
/// bearer token). Send it as "Authorization: Bearer …" to any /api endpoint. 401 on bad credentials or a locked account.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/api/token", IssueAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name (or email) and password for a bearer token.");

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueAsync(
        TokenRequest request, SignInManager<LiaisonUser> signInManager, IStringLocalizer<TokenRequest> S)
    {
        var signIn = (LiaisonSignInManager)signInManager;
        var user = string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password)
            ? null
            : await signIn.FindByNameOrEmailAsync(request.UserName.Trim());
        if (user is not null)
        {
            // The bearer handler writes the token response when the sign-in succeeds.
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.Empty;
            }

            if (result.IsLockedOut)
            {
                return TypedResults.Problem(S["Too many failed sign-in attempts: this account is locked."], statusCode: StatusCodes.Status401Unauthorized);
            }
        }

        return TypedResults.Problem(S["Invalid user name or password."], statusCode: StatusCodes.Status401Unauthorized);
    }
}

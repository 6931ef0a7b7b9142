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
/// bearer token). Send it as "Authorization: Bearer …" to any /api endpoint. 401 on bad credentials, a locked or a
/// disabled account (one answer for all); 429 when the caller's address made too many attempts (shared with /login).
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/api/token", IssueAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccountController.SignInRateLimit)
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name (or email) and password for a bearer token.");

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueAsync(
        TokenRequest request, SignInManager<LiaisonUser> signInManager, IStringLocalizer<TokenRequest> S)
    {
        var signIn = (LiaisonSignInManager)signInManager;
        if (!string.IsNullOrWhiteSpace(request.UserName) && !string.IsNullOrEmpty(request.Password))
        {
            // The bearer handler writes the token response when the sign-in succeeds.
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            if ((await signIn.SignInByNameOrEmailAsync(request.UserName, request.Password, isPersistent: false)).Result.Succeeded)
            {
                return TypedResults.Empty;
            }
        }

        // One answer for an unknown name, a wrong password, a locked or a disabled account: none is revealed.
        return TypedResults.Problem(S["Invalid user name or password."], statusCode: StatusCodes.Status401Unauthorized);
    }
}

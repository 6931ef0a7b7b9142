using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Liaison.Users.Account;

/// <summary>Identity's sign-in rules plus ours: a disabled account is not allowed to sign in.</summary>
internal sealed class LiaisonSignInManager(
    UserManager<LiaisonUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<LiaisonUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<LiaisonUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LiaisonUser> confirmation)
    : SignInManager<LiaisonUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LiaisonUser user)
        => user.IsEnabled && await base.CanSignInAsync(user);

    /// <summary>A user by user name, or else by email (people type either on the sign-in form).</summary>
    public async Task<LiaisonUser?> FindByNameOrEmailAsync(string nameOrEmail)
        => await UserManager.FindByNameAsync(nameOrEmail)
            ?? (nameOrEmail.Contains('@') ? await UserManager.FindByEmailAsync(nameOrEmail) : null);

    /// <summary>Whole minutes until the lockout ends (at least 1).</summary>
    public int LockoutMinutesLeft(LiaisonUser user, TimeProvider clock)
    {
        var left = (user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
    }
}

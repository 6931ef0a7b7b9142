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

    /// <summary>
    /// Signs in by user name or email (the form and the token endpoint). Every failure costs one password hash, as a
    /// wrong password for a real account does, so the answer time tells no-one whether a name exists or is locked out;
    /// the callers give every failure the same answer. Lockout per account as Identity does it (5 failures, 15 minutes).
    /// </summary>
    public async Task<SignInAttempt> SignInByNameOrEmailAsync(string nameOrEmail, string password, bool isPersistent)
    {
        var user = await FindByNameOrEmailAsync(nameOrEmail.Trim());
        if (user is null)
        {
            HashForNothing(password);
            return new SignInAttempt(SignInResult.Failed, DisabledWithRightPassword: false);
        }

        if (!user.IsEnabled)
        {
            // "Disabled" is said only to someone who knows the password.
            return new SignInAttempt(SignInResult.NotAllowed, await UserManager.CheckPasswordAsync(user, password));
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before hashing anything; the password is not checked while locked.
            HashForNothing(password);
            return new SignInAttempt(SignInResult.LockedOut, DisabledWithRightPassword: false);
        }

        return new SignInAttempt(await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true), DisabledWithRightPassword: false);
    }

    private static readonly LiaisonUser s_nobody = new() { UserName = "nobody" };
    private static string? s_nobodyHash;

    /// <summary>Verifies the password against the hash of a random one: the work of a real check, with no result.</summary>
    private void HashForNothing(string password)
    {
        var hash = s_nobodyHash ??= UserManager.PasswordHasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(s_nobody, hash, password);
    }
}

/// <param name="DisabledWithRightPassword">The account is disabled and the password was right: the one failure that is named.</param>
public sealed record SignInAttempt(SignInResult Result, bool DisabledWithRightPassword);

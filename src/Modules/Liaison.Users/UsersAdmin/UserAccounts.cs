using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.UsersAdmin;

/// <summary>Creates and changes accounts for the users pages, all-or-nothing, with the site's safety rules.</summary>
public sealed class UserAccounts(UserManager<LiaisonUser> users, LiaisonDbContext db, IStringLocalizer<UserAccounts> S)
{
    public async Task<IdentityResult> CreateAsync(UserEditViewModel model)
    {
        if (string.IsNullOrEmpty(model.NewPassword))
        {
            return Fail(S["Enter a password for the new user."]);
        }

        var user = new LiaisonUser { UserName = model.UserName.Trim(), EmailConfirmed = true };
        Apply(user, model);
        return await InTransactionAsync(async () =>
        {
            var result = await users.CreateAsync(user, model.NewPassword);
            return result.Succeeded ? await SetRolesAsync(user, model.Roles) : result;
        });
    }

    public async Task<IdentityResult> UpdateAsync(LiaisonUser user, UserEditViewModel model, string currentUserId)
    {
        var isAdmin = await users.IsInRoleAsync(user, RoleNames.Administrator);
        var staysAdmin = model.Roles.Contains(RoleNames.Administrator, StringComparer.OrdinalIgnoreCase) && model.IsEnabled;
        if (isAdmin && !staysAdmin && await AdministratorCountAsync() <= 1)
        {
            return Fail(S["The last administrator must stay an enabled administrator."]);
        }

        if (user.Id == currentUserId && !model.IsEnabled)
        {
            return Fail(S["You cannot disable your own account."]);
        }

        var enabledChanged = user.IsEnabled != model.IsEnabled;
        Apply(user, model);
        return await InTransactionAsync(async () =>
        {
            var result = await users.UpdateAsync(user);
            if (result.Succeeded && !string.IsNullOrEmpty(model.NewPassword))
            {
                result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), model.NewPassword);
            }

            // A new stamp (role change, enabling or disabling) ends the user's open sessions on their next request.
            return result.Succeeded ? await SetRolesAsync(user, model.Roles, forceNewStamp: enabledChanged) : result;
        });
    }

    public async Task<IdentityResult> DeleteAsync(LiaisonUser user, string currentUserId)
    {
        if (user.Id == currentUserId)
        {
            return Fail(S["You cannot delete your own account."]);
        }

        if (await users.IsInRoleAsync(user, RoleNames.Administrator) && await AdministratorCountAsync() <= 1)
        {
            return Fail(S["The last administrator cannot be deleted."]);
        }

        return await users.DeleteAsync(user);
    }

    /// <summary>Makes the user's roles exactly <paramref name="roles"/>; a change gets a new security stamp.</summary>
    public async Task<IdentityResult> SetRolesAsync(LiaisonUser user, IEnumerable<string> roles, bool forceNewStamp = false)
    {
        var wanted = roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var current = await users.GetRolesAsync(user);
        var remove = current.Where(r => !wanted.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var add = wanted.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (remove.Contains(RoleNames.Administrator, StringComparer.OrdinalIgnoreCase) && user.IsEnabled && await AdministratorCountAsync() <= 1)
        {
            return Fail(S["The last administrator must stay an enabled administrator."]);
        }

        var result = IdentityResult.Success;
        if (remove.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(user, remove);
        }

        if (result.Succeeded && add.Count > 0)
        {
            result = await users.AddToRolesAsync(user, add);
        }

        if (result.Succeeded && (forceNewStamp || remove.Count + add.Count > 0))
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        return result;
    }

    private Task<int> AdministratorCountAsync()
        => (from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            join u in db.Users on ur.UserId equals u.Id
            where r.Name == RoleNames.Administrator && u.IsEnabled
            select ur.UserId).CountAsync();

    private static void Apply(LiaisonUser user, UserEditViewModel model)
    {
        user.Email = model.Email.Trim();
        user.DisplayName = string.IsNullOrWhiteSpace(model.DisplayName) ? null : model.DisplayName.Trim();
        user.IsEnabled = model.IsEnabled;
    }

    private async Task<IdentityResult> InTransactionAsync(Func<Task<IdentityResult>> work)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work();
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static IdentityResult Fail(string message) => IdentityResult.Failed(new IdentityError { Description = message });
}

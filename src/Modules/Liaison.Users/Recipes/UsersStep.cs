using System.Text.Json.Nodes;
using Liaison.Users.Grants;
using Liaison.Users.UsersAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Recipes;

/// <summary>
/// {"name":"Users","Users":[{"UserName":"editor1","Email":"…","DisplayName":"…","Password":"…","Roles":["Editor"]}]}:
/// creates or updates accounts. The password is only used for a new account, so re-running never resets one. Run by a
/// signed-in user (recipe import), it gives no role and changes no account that user could not on the users page
/// (<see cref="GrantRules"/>).
/// </summary>
internal sealed class UsersStep(
    UserManager<LiaisonUser> users, RoleManager<LiaisonRole> roles, UserAccounts accounts, GrantRules grants, IStringLocalizer<UsersStep> S)
    : IRecipeStepHandler
{
    public string Name => "Users";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        foreach (var entry in context.Step.GetArray("Users"))
        {
            var data = entry as JsonObject ?? throw new RecipeException(S["Each user must be a JSON object."]);
            var userName = data.GetString("UserName")?.Trim();
            if (string.IsNullOrEmpty(userName))
            {
                throw new RecipeException(S["A user has no \"UserName\"."]);
            }

            var wantedRoles = data.GetProperty("Roles") is null ? null : data.GetArray("Roles").Select(r => r?.ToString() ?? "").ToList();
            foreach (var role in wantedRoles ?? [])
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    throw new RecipeException(S["User '{0}': unknown role '{1}'.", userName, role]);
                }
            }

            var user = await users.FindByNameAsync(userName);
            await CheckGrantsAsync(userName, user, wantedRoles ?? []);
            var result = user is null ? await CreateAsync(user = new LiaisonUser { UserName = userName }, data) : await UpdateAsync(user, data);
            if (result.Succeeded && wantedRoles is not null)
            {
                result = await accounts.SetRolesAsync(user, wantedRoles);
            }

            if (!result.Succeeded)
            {
                throw new RecipeException(S["User '{0}': {1}", userName, string.Join(" ", result.Errors.Select(e => e.Description))]);
            }
        }
    }

    private async Task CheckGrantsAsync(string userName, LiaisonUser? user, IEnumerable<string> wantedRoles)
    {
        if (await grants.RecipeActorAsync() is not { } actor)
        {
            return;
        }

        if (user is not null && !await grants.MayManageAsync(actor, await users.GetRolesAsync(user)))
        {
            throw new RecipeException(S["User '{0}': you may not change this account, it holds a role you do not hold.", userName]);
        }

        if ((await grants.NotGrantableAsync(actor, wantedRoles)).FirstOrDefault() is { } refused)
        {
            throw new RecipeException(S["User '{0}': you may not give role '{1}', which you do not hold.", userName, refused]);
        }
    }

    private async Task<IdentityResult> CreateAsync(LiaisonUser user, JsonObject data)
    {
        var password = data.GetString("Password");
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Failed(new IdentityError { Description = S["A new user needs a \"Password\"."] });
        }

        user.Email = data.GetString("Email");
        user.EmailConfirmed = true;
        user.DisplayName = data.GetString("DisplayName");
        return await users.CreateAsync(user, password);
    }

    private async Task<IdentityResult> UpdateAsync(LiaisonUser user, JsonObject data)
    {
        var email = data.GetString("Email");
        var displayName = data.GetString("DisplayName");
        if ((email is null || email == user.Email) && (displayName is null || displayName == user.DisplayName))
        {
            return IdentityResult.Success;
        }

        user.Email = email ?? user.Email;
        user.DisplayName = displayName ?? user.DisplayName;
        return await users.UpdateAsync(user);
    }
}

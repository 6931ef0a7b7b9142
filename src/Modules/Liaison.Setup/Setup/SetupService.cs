using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Setup.Setup;

public interface ISetupService
{
    /// <summary>Sets up an empty site; returns the errors (nothing is changed when there are any).</summary>
    Task<IReadOnlyList<string>> SetupAsync(SetupRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// Built-in roles with the modules' default grants, the first administrator, the recipe and the site settings —
/// in one transaction, so a failed setup leaves an empty site that can be set up again.
/// </summary>
internal sealed class SetupService(
    LiaisonDbContext db,
    ISiteService site,
    IRoleDefaults roleDefaults,
    UserManager<LiaisonUser> users,
    IRecipeExecutor recipes,
    RecipeLocator locator,
    TimeProvider clock,
    IStringLocalizer<SetupService> S,
    ILogger<SetupService> logger) : ISetupService
{
    public async Task<IReadOnlyList<string>> SetupAsync(SetupRequest request, CancellationToken cancellationToken = default)
    {
        if ((await site.GetSettingsAsync()).SetupCompletedUtc is not null)
        {
            return [S["The site is already set up."]];
        }

        var errors = Validate(request);
        var recipeFile = await locator.FindAsync(request.Recipe, cancellationToken);
        if (recipeFile is null)
        {
            errors.Add(S["Recipe '{0}' was not found.", request.Recipe]);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await roleDefaults.ApplyDefaultGrantsAsync();
            var admin = new LiaisonUser { UserName = request.AdminUserName, Email = request.AdminEmail, EmailConfirmed = true, DisplayName = request.AdminUserName };
            var created = await users.CreateAsync(admin, request.AdminPassword);
            if (!created.Succeeded)
            {
                return await FailAsync(transaction, created.Errors.Select(e => e.Description));
            }

            await users.AddToRoleAsync(admin, RoleNames.Administrator);
            await site.UpdateSettingsAsync(new SiteSettings { SiteName = request.SiteName, SetupRecipe = request.Recipe });
            await db.SaveChangesAsync(cancellationToken);

            var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["SiteName"] = request.SiteName,
                ["AdminUsername"] = request.AdminUserName,
                ["AdminUserId"] = admin.Id,
                ["AdminEmail"] = request.AdminEmail,
                ["AdminPassword"] = request.AdminPassword,
                ["DemoPassword"] = string.IsNullOrEmpty(request.DemoPassword) ? request.AdminPassword : request.DemoPassword,
            };
            var result = await recipes.ExecuteAsync(
                await File.ReadAllTextAsync(recipeFile!, cancellationToken),
                new RecipeRunOptions { Parameters = parameters, Folder = Path.GetDirectoryName(recipeFile) },
                cancellationToken);
            if (!result.Report.IsEmpty)
            {
                // Each note is logged by the executor; this line sums them up for whoever reads setup's log.
                logger.LogWarning("Setup recipe '{Recipe}' ran {Ran} steps; skipped steps: {Skipped}; {Notes} notes in its report.",
                    result.Name, result.StepCount, string.Join(", ", result.Report.SkippedSteps.Select(n => $"{n.StepIndex} '{n.StepName}'")),
                    result.Report.Notes.Count);
            }

            // A recipe's Roles step replaces the grants of the roles it lists: the modules' default grants are added
            // back so that a module's own permissions (search, media, notices …) are never lost by setup.
            await roleDefaults.ApplyDefaultGrantsAsync();

            // The recipe may have changed the settings (Settings step); setup only marks completion.
            var settings = await site.GetSettingsAsync();
            settings.SiteName = string.IsNullOrWhiteSpace(settings.SiteName) ? request.SiteName : settings.SiteName;
            settings.SetupCompletedUtc = clock.GetUtcNow().UtcDateTime;
            settings.SetupRecipe = request.Recipe;
            await site.UpdateSettingsAsync(settings);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await db.RunAfterCommitAsync();
            return [];
        }
        catch (RecipeException e)
        {
            return await FailAsync(transaction, [e.Message]);
        }
    }

    private List<string> Validate(SetupRequest request)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.SiteName))
        {
            errors.Add(S["The site name is required."]);
        }

        if (string.IsNullOrWhiteSpace(request.AdminUserName))
        {
            errors.Add(S["The administrator's user name is required."]);
        }

        if (string.IsNullOrWhiteSpace(request.AdminEmail) || !request.AdminEmail.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(S["A valid email address is required."]);
        }

        if (string.IsNullOrEmpty(request.AdminPassword))
        {
            errors.Add(S["The password is required."]);
        }

        return errors;
    }

    private async Task<IReadOnlyList<string>> FailAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IEnumerable<string> errors)
    {
        await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
        db.DiscardAfterCommit();
        return [.. errors];
    }
}

namespace LiaisonSite.Core.Security;

/// <summary>
/// Prepares the built-in roles on a new site (implemented by Liaison.Users). Setup calls it before the recipe runs,
/// then creates the administrator with <c>UserManager.CreateAsync</c> and <c>AddToRoleAsync(RoleNames.Administrator)</c>.
/// </summary>
public interface IRoleDefaults
{
    /// <summary>
    /// Creates the assignable built-in roles (all of <see cref="RoleNames.All"/> but Anonymous and Authenticated, which
    /// only hold permissions) and adds every module's <see cref="DefaultRoleGrant"/> to the role permissions document.
    /// Idempotent; grants made since are kept. Saves its changes.
    /// </summary>
    Task ApplyDefaultGrantsAsync();

    /// <summary>Adds grants to the roles document, keeping every grant there; saved by the caller's SaveChanges.</summary>
    Task AddGrantsAsync(IEnumerable<DefaultRoleGrant> grants);

    /// <summary>Takes one permission away from a role; saved by the caller's SaveChanges.</summary>
    Task RevokeAsync(string role, string permission);
}

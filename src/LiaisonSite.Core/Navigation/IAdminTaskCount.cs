using System.Security.Claims;

namespace LiaisonSite.Core.Navigation;

/// <summary>
/// How many tasks wait for the user's decision: the badge on the task inbox in the admin bar. Implemented by the
/// workflows module; without it there are no tasks and the admin bar shows no inbox.
/// </summary>
public interface IAdminTaskCount
{
    /// <summary>False when the site has no task inbox.</summary>
    bool HasInbox { get; }

    Task<int> OpenTaskCountAsync(ClaimsPrincipal user);
}

internal sealed class NoAdminTasks : IAdminTaskCount
{
    public bool HasInbox => false;

    public Task<int> OpenTaskCountAsync(ClaimsPrincipal user) => Task.FromResult(0);
}

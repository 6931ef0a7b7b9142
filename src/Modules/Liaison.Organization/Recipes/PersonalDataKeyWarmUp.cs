using Liaison.Organization.Services;
using LiaisonSite.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Organization.Recipes;

/// <summary>
/// Makes sure a data-protection key exists before setup's transaction starts. The key is written through its own
/// database connection; on SQLite that write would wait on the setup transaction's lock and fail, so a recipe that
/// protects phones (the Roster step) must not be the first to need a key.
/// </summary>
internal sealed class PersonalDataKeyWarmUp : IStartupTask
{
    public int Order => -2000;

    public Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetRequiredService<PersonalDataProtector>().Protect("warm-up");
        return Task.CompletedTask;
    }
}

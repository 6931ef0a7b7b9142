using Liaison.Organization.Contracts;
using Liaison.Pairing.Admin;
using Liaison.Pairing.Data;
using Liaison.Pairing.Recipes;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Pairing;

/// <summary>
/// Pairing (结对互动, SPEC R5): a deterministic, balanced proposal of member–masses pairs per branch and term,
/// adjusted and confirmed by the secretary, kept per term with its history.
/// </summary>
public sealed class PairingModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.Organization.OrganizationModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IRecipeStepHandler, PairingStep>();
        // Pairs are history kept per term: whoever was ever paired (or excluded) is deactivated rather than deleted.
        services.AddRosterReferences<Pair>(p => p.MemberId, p => p.PersonId);
        services.AddRosterReferences<PairExclusion>(e => e.MemberId, e => e.PersonId);
        services.AddScoped<PairingInputLoader>();
        services.AddScoped<PairingService>();
        services.AddScoped<PairChanges>();
        services.AddScoped<PairQueries>();
        services.AddScoped<IMemberRecordSection, Admin.PairRecordSection>();
        services.AddScoped<PairingBranches>();
        services.AddScoped<PairingPage>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        Pair.Configure(modelBuilder);
        PairExclusion.Configure(modelBuilder);
    }
}

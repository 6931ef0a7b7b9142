using Liaison.Pairing.Data;
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
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        Pair.Configure(modelBuilder);
        PairExclusion.Configure(modelBuilder);
    }
}

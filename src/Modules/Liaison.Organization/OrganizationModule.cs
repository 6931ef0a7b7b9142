using Liaison.Organization.AccessLog;
using Liaison.Organization.Admin;
using Liaison.Organization.Coverage;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using Liaison.Organization.Visits;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Organization;

/// <summary>
/// The organization (SPEC R1, R2, R6): the tree of Party organizations (PartyBranch items), members, the masses
/// roster, units, cadre contact points and visits, personal data protection and its access log, and the scope
/// (committee, branch, member) every roster, contact and pairing query starts from.
/// </summary>
public sealed class OrganizationModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies =>
        [typeof(Liaison.ContentParts.ContentPartsModule), typeof(Liaison.Contents.ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IIndexProvider, OrganizationIndexProvider>();
        services.AddScoped<OrganizationScope>();
        services.AddSingleton<PersonalDataProtector>();

        // orgadmin: admin pages, coverage, visits, access log.
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IUserBranches, UserBranches>();
        services.AddScoped<IBranchUsers, BranchUsers>();
        services.AddScoped<IRosterReferences, OrganizationReferences>();
        services.AddScoped<AccessLogWriter>();
        services.AddScoped<IAccessLogWriter>(sp => sp.GetRequiredService<AccessLogWriter>());
        services.AddScoped<IRosterQueries, RosterQueries>();
        services.AddScoped<IVisitRecords, VisitRecords>();
        services.AddScoped<RosterLookups>();
        services.AddScoped<MemberForm>();
        services.AddScoped<PersonForm>();
        services.AddScoped<ContactPointService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<LiaisonSite.Core.Navigation.IDashboardNotes, CoverageDashboardNotes>();
        services.AddScoped<VisitScope>();

        // Roster import/export and the Roster recipe step (roster area).
        services.AddScoped<Import.RosterContextLoader>();
        services.AddScoped<Import.RosterFileReader>();
        services.AddScoped<Import.RosterValidator>();
        services.AddScoped<Import.RosterImporter>();
        services.AddScoped<Export.RosterExporter>();
        services.AddScoped<LiaisonSite.Core.Recipes.IRecipeStepHandler, Recipes.RosterStep>();
        services.AddScoped<LiaisonSite.Core.Recipes.IRecipeStepHandler, Recipes.ContactPointsStep>();
        services.AddScoped<LiaisonSite.Core.Recipes.IRecipeStepExporter, Recipes.UnitsExporter>();
        services.AddSingleton<LiaisonSite.Core.Hosting.IStartupTask, Recipes.PersonalDataKeyWarmUp>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        OrganizationIndex.Configure(modelBuilder);
        Unit.Configure(modelBuilder);
        PartyMember.Configure(modelBuilder);
        MassPerson.Configure(modelBuilder);
        ContactPoint.Configure(modelBuilder);
        CadreVisit.Configure(modelBuilder);
        PersonalDataAccess.Configure(modelBuilder);
    }
}

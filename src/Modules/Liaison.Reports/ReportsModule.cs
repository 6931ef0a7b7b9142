using Liaison.Contents.Security;
using Liaison.Reports.Admin;
using Liaison.Reports.Data;
using Liaison.Reports.Figures;
using Liaison.Reports.Inspections;
using Liaison.Reports.MyWork;
using Liaison.Reports.Parts;
using Liaison.Reports.Reminders;
using Liaison.Reports.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Reports;

/// <summary>
/// Quarterly reports (季度汇报, SPEC R9) routed through the workflow to the branch secretary, the branch view of who
/// reported, the half-yearly inspection (R10) with its saved snapshot and rectification items, and the reminders.
/// </summary>
public sealed class ReportsModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies =>
        [typeof(Liaison.Contacts.ContactsModule), typeof(Liaison.Workflows.WorkflowsModule), typeof(Liaison.Talks.TalksModule),
         typeof(Liaison.Outreach.OutreachModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddUpgradeStep<Upgrades.CreateReport>();
        services.AddUpgradeStep<Upgrades.HandInStartsReview>();
        services.AddUpgradeStep<Upgrades.GrantReportSettings>();
        services.AddScoped<Settings.ReportSettingsService>();
        services.AddScoped<Scores.ScoreService>();
        services.AddScoped<Examples.TypicalExampleStarter>();
        services.AddScoped<Scores.ScoreText>();
        services.AddScoped<Liaison.Organization.Contracts.IMemberCondition, Scores.LiaisonCondition>();
        services.AddScoped<Liaison.Organization.Contracts.IMemberRecordSection, Scores.ScoreRecordSection>();
        services.AddScoped<LiaisonSite.Core.ContentManagement.IContentItemActions, Examples.TypicalExampleActions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IIndexProvider, QuarterlyReportIndexProvider>();
        services.AddScoped<Liaison.Organization.Contracts.IRosterReferences, ReportRosterReferences>();
        services.AddScoped<IContentHandler, QuarterlyReportPartHandler>();
        services.AddScoped<IContentPartDriver, QuarterlyReportPartDriver>();
        services.AddScoped<ReportText>();
        services.AddScoped<ReportAccessScope>();
        services.AddScoped<IContentAccessScope>(sp => sp.GetRequiredService<ReportAccessScope>());
        services.AddScoped<ReportExportFilter>();
        services.AddScoped<IContentExportFilter>(sp => sp.GetRequiredService<ReportExportFilter>());
        services.AddScoped<ReportFiguresService>();
        services.AddScoped<ReportStates>();
        services.AddScoped<BranchReports>();
        services.AddScoped<InspectionService>();
        services.AddScoped<LiaisonSite.Core.Navigation.IDashboardNotes, Inspections.BranchComparisonDashboardNotes>();
        services.AddScoped<Liaison.Contacts.Contracts.IMyWorkSection, ReportsMyWorkSection>();
        services.AddScoped<Liaison.Talks.Contracts.IFollowUpSource, RectificationFollowUpSource>();
        services.AddScoped<ReportReminderService>();
        services.AddBackgroundJob<ReportReminderJob>();
        services.AddScoped<LiaisonSite.Core.Recipes.IRecipeStepHandler, Recipes.InspectionsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        QuarterlyReportIndex.Configure(modelBuilder);
        Inspection.Configure(modelBuilder);
        ReportReminder.Configure(modelBuilder);
    }
}

using Liaison.Organization.Contracts;
using Liaison.Contents.Security;
using Liaison.Talks.Data;
using Liaison.Talks.MyWork;
using Liaison.Talks.Obligations;
using Liaison.Talks.Parts;
using Liaison.Talks.Recipes;
using Liaison.Talks.Reminders;
using Liaison.Talks.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Talks;

/// <summary>
/// Heart-to-heart talks (谈心, SPEC R3) as the Talk content type, scoped like contacts; the five mandatory talks
/// (五必谈) from personnel events with their deadlines; the talks section and short form of 我的联系工作; reminders.
/// </summary>
public sealed class TalksModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.Contacts.ContactsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddScoped<IAccessLogTerms, Security.TalkAccessLogTerms>();
        services.AddUpgradeStep<Upgrades.CreateTalk>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IIndexProvider, TalkIndexProvider>();
        // A member or person named in a talk, an obligation or a personnel event is kept (deactivated, not deleted).
        services.AddRosterReferences<TalkIndex>(t => t.MemberId, t => t.PersonId);
        services.AddRosterReferences<TalkIndex>(t => t.PartnerMemberId ?? 0);
        services.AddRosterReferences<TalkObligation>(o => o.MemberId);
        services.AddRosterReferences<TalkObligation>(o => o.PartnerMemberId ?? 0);
        services.AddRosterReferences<PersonnelEvent>(member: null, e => e.PersonId);
        services.AddScoped<IContentHandler, TalkPartHandler>();
        services.AddScoped<IContentPartDriver, TalkPartDriver>();
        services.AddScoped<TalkForm>();
        services.AddScoped<TalkText>();
        services.AddScoped<TalkChoices>();
        services.AddScoped<TalkAccessScope>();
        services.AddScoped<IContentAccessScope>(sp => sp.GetRequiredService<TalkAccessScope>());
        services.AddScoped<TalkExportFilter>();
        services.AddScoped<IContentExportFilter>(sp => sp.GetRequiredService<TalkExportFilter>());
        services.AddScoped<ObligationService>();
        services.AddScoped<Contracts.IFeedbackTalks>(sp => sp.GetRequiredService<ObligationService>());
        services.AddScoped<PersonnelEventImport>();
        services.AddScoped<LiaisonSite.Core.Navigation.IDashboardNotes, TalkDashboardNotes>();
        services.AddScoped<Liaison.Contacts.Contracts.IMyWorkSection, TalksMyWorkSection>();
        services.AddScoped<IRecipeStepHandler, PersonnelEventsStep>();
        services.AddScoped<TalkReminderService>();
        services.AddBackgroundJob<TalkReminderJob>();
        services.AddScoped<Contracts.IFollowUpSource, FollowUps.TalkFollowUpSource>();
        services.AddScoped<Contracts.ITalkRecords, TalkRecords>();
        services.AddScoped<IContentHandler, TalkFollowUpRowsHandler>();
        services.AddScoped<Contracts.ITalkFollowUpRecords, TalkFollowUpRecords>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        TalkIndex.Configure(modelBuilder);
        PersonnelEvent.Configure(modelBuilder);
        TalkObligation.Configure(modelBuilder);
        TalkReminder.Configure(modelBuilder);
        TalkFollowUpRow.Configure(modelBuilder);
    }
}

using Liaison.Organization.Contracts;
using Liaison.Contacts.Admin;
using Liaison.Contacts.Contracts;
using Liaison.Contacts.MyWork;
using Liaison.Contacts.Data;
using Liaison.Contacts.Parts;
using Liaison.Contacts.Security;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using Microsoft.AspNetCore.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Contacts;

/// <summary>
/// Contact assignments (联系对象, SPEC R1) as the Contact content type, scoped to the member, their branch and the
/// committee; the sensitive categories are audited; and the member's own page, 我的联系工作.
/// </summary>
public sealed class ContactsModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.Pairing.PairingModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddUpgradeStep<Upgrades.CreateContact>();
        services.AddUpgradeStep<Upgrades.UnlistContact>();
        services.AddScoped<IIndexProvider, ContactIndexProvider>();
        // A member or person named in any contact assignment, running or ended, is kept (deactivated, not deleted).
        services.AddRosterReferences<ContactIndex>(c => c.MemberId, c => c.PersonId);
        services.AddScoped<IContentHandler, ContactPartHandler>();
        services.AddScoped<IContentPartDriver, ContactPartDriver>();
        services.AddScoped<ContactCategoryText>();
        services.AddScoped<IAccessLogTerms, ContactAccessLogTerms>();
        services.AddScoped<ContactChoices>();
        services.AddScoped<SensitiveRecordLog>();
        services.AddScoped<SensitiveRecordExport>();
        services.AddScoped<ContactAccessScope>();
        services.AddScoped<IContentAccessScope>(sp => sp.GetRequiredService<ContactAccessScope>());
        services.AddScoped<ContactExportFilter>();
        services.AddScoped<IContentExportFilter>(sp => sp.GetRequiredService<ContactExportFilter>());
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<ContactListQuery>();
        services.AddScoped<IMemberRecordSection, Admin.ContactRecordSection>();
        services.AddScoped<MyWorkService>();
        services.AddScoped<Contracts.IContactQueries, ContactQueries>();
        services.AddScoped<LiaisonSite.Core.Navigation.IDashboardNotes, ContactDashboardNotes>();
        services.Configure<MvcOptions>(o => o.Filters.Add(new MemberLandingFilter()));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ContactIndex.Configure(modelBuilder);
}

using Liaison.Notices.Admin;
using Liaison.Notices.Closing;
using Liaison.Notices.Data;
using Liaison.Notices.Lists;
using Liaison.Notices.Objections;
using Liaison.Notices.Parts;
using Microsoft.AspNetCore.Builder;
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

namespace Liaison.Notices;

/// <summary>Public notices (公示, SPEC R7): their period, the public list, objections and their handling, closing.</summary>
public sealed class NoticesModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.ContentParts.ContentPartsModule), typeof(Liaison.Publicity.PublicityModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddUpgradeStep<Upgrades.CreatePublicNotice>();
        services.AddUpgradeStep<Upgrades.MembersDoNotHandleObjections>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();

        services.AddScoped<IContentHandler, PublicNoticePartHandler>();
        services.AddScoped<IContentPartDriver, PublicNoticePartDriver>();
        services.AddScoped<Liaison.Publicity.Contracts.IBranchPageList, Lists.BranchNoticeList>();
        services.AddScoped<IIndexProvider, NoticeIndexProvider>();

        services.AddScoped<NoticeQuery>();
        services.AddScoped<Contracts.IPublicNoticeWriter, Publishing.PublicNoticeWriter>();
        services.AddScoped<ObjectionService>();
        services.AddScoped<ObjectionScope>();
        services.AddScoped<LiaisonSite.Core.Navigation.IDashboardNotes, ObjectionDashboardNotes>();
        services.AddScoped<NoticeClosingService>();
        services.AddBackgroundJob<NoticeClosingJob>();

        services.AddSingleton<ObjectionThrottle>();
        foreach (var (key, value, max, kind) in new[]
        {
            (ObjectionThrottle.PerBrowserKey, ObjectionThrottle.DefaultPerBrowser, ClientRateLimit.MaxPermits, RequestLimitKind.PerBrowser),
            (ObjectionThrottle.PerAddressKey, ObjectionThrottle.DefaultPerAddress, ClientRateLimit.MaxPermits, RequestLimitKind.PerAddress),
            (ObjectionThrottle.WindowKey, ObjectionThrottle.DefaultWindowMinutes, ClientRateLimit.MaxWindowMinutes, RequestLimitKind.WindowMinutes),
        })
        {
            services.AddSingleton(new RequestLimitSetting(
                key, value, max, typeof(ObjectionController), S => S["Objections to public notices"], kind, 10));
        }
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        NoticeIndex.Configure(modelBuilder);
        Objection.Configure(modelBuilder);
    }
}

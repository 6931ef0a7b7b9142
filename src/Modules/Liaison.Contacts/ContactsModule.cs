using Liaison.Contacts.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Modules;
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
        services.AddScoped<IIndexProvider, ContactIndexProvider>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ContactIndex.Configure(modelBuilder);
}

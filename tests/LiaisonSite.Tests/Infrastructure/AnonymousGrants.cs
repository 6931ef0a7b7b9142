using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// What the public may read, changed as an administrator would on the roles page. A Securable type with an address is
/// public on a new site (Anonymous holds Contents.ViewSecurable, as Orchard's Anonymous holds ViewContent); the tests
/// that need a private routable type take that grant away, so that only Securable types whose own view permission
/// (Contents.View.{Type}) Anonymous holds stay public. Idempotent, and every test of a site that uses it wants the same.
/// </summary>
internal static class AnonymousGrants
{
    public static async Task MakeSecurableTypesPrivateAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var document = await documents.GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);
        if (document.Roles.TryGetValue(RoleNames.Anonymous, out var granted)
            && granted.RemoveAll(p => string.Equals(p, "Contents.ViewSecurable", StringComparison.OrdinalIgnoreCase)) > 0)
        {
            await documents.SaveAsync(RolePermissionsDocument.DocumentKey, document);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }
}

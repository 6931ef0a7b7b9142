using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Architecture;

/// <summary>Rules of the code base that the compiler cannot check, checked against the running site.</summary>
public sealed class EndpointSecurityTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    [Fact]
    public void EveryEndpoint_DeclaresWhoMayUseIt()
    {
        var endpoints = site.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).ToList();

        var undeclared = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(undeclared.Count == 0, "Endpoints without [Authorize]/[Admin]/[RequirePermission]/[AllowAnonymous]:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void AdminEndpoints_AllRequireAdminAccess()
    {
        var endpoints = site.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

        var open = endpoints
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "Permission:Admin.Access")
                || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(open.Count == 0, "Admin routes without [Admin]:\n" + string.Join("\n", open));
    }

    [Fact]
    public void Themes_AreApplicationPartsBeforeModules_SoTheirViewsWin()
    {
        var parts = site.Services.GetRequiredService<ApplicationPartManager>().ApplicationParts.Select(p => p.Name).ToList();

        var lastTheme = Math.Max(parts.IndexOf("TheAdmin"), parts.IndexOf("TheBranch"));
        var firstModule = parts.FindIndex(p => p.StartsWith("Liaison.", StringComparison.Ordinal));

        Assert.True(lastTheme >= 0 && firstModule > lastTheme, "Part order: " + string.Join(", ", parts));
    }
}

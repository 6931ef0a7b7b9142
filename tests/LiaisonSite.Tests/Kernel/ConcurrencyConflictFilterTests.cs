using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// A save that lost a race, in an action that does not handle it, is the user's news: a page goes back to itself with
/// the localized message, a JSON API answers 409; never a 500. (The filter is registered for every MVC action.)
/// </summary>
public sealed class ConcurrencyConflictFilterTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    [Fact]
    public void StaleDocument_OnAPage_RedirectsBackToThePage_WithTheMessage()
    {
        using var scope = site.Services.CreateScope();
        var context = Context(scope, "/admin/settings", new DocumentConcurrencyException("SiteSettings"));

        // The request's culture, as the localization middleware sets it for a visitor (zh-CN by default).
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new("zh-CN");
        try
        {
            Filter(scope).OnException(context);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        Assert.True(context.ExceptionHandled);
        Assert.Equal("/admin/settings", Assert.IsType<RedirectResult>(context.Result).Url);
        var tempData = scope.ServiceProvider.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        Assert.Contains(tempData.TakeNotifications(), n => n.Type == NotifyType.Error && n.Message.Contains("修改未保存", StringComparison.Ordinal));
    }

    [Fact]
    public void ConcurrencyConflict_OnAnApi_Is409()
    {
        using var scope = site.Services.CreateScope();
        var context = Context(scope, "/api/something", new DbUpdateConcurrencyException("lost"));

        Filter(scope).OnException(context);

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ObjectResult>(context.Result).StatusCode);
    }

    [Fact]
    public void OtherExceptions_AreLeftAlone()
    {
        using var scope = site.Services.CreateScope();
        var context = Context(scope, "/admin/settings", new InvalidOperationException("a bug"));

        Filter(scope).OnException(context);

        Assert.False(context.ExceptionHandled);
        Assert.Null(context.Result);
    }

    [Fact]
    public void TheFilter_IsRegisteredForEveryMvcAction()
        => Assert.Contains(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MvcOptions>>().Value.Filters,
            f => f is TypeFilterAttribute { ImplementationType: var t } && t == typeof(ConcurrencyConflictFilter));

    private static ConcurrencyConflictFilter Filter(IServiceScope scope)
        => ActivatorUtilities.CreateInstance<ConcurrencyConflictFilter>(scope.ServiceProvider);

    private static ExceptionContext Context(IServiceScope scope, string path, Exception exception)
    {
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = path;
        http.Request.Host = new HostString("localhost");
        return new ExceptionContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), []) { Exception = exception };
    }
}

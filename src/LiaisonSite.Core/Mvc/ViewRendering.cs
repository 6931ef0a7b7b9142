using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiaisonSite.Core.Mvc;

/// <summary>A view rendered to text, the view data it set (a page's title), and whether it belongs to this visitor alone.</summary>
public sealed record RenderedView(string Html, ViewDataDictionary ViewData, bool VisitorSpecific);

public static class ViewRendering
{
    /// <summary>
    /// Renders a view without its layout into text (a fragment of a page to keep, <see cref="Hosting.PublicFragments"/>).
    /// The result is <see cref="RenderedView.VisitorSpecific"/> when the rendering asked for antiforgery tokens (a form)
    /// or set a cookie: such text is this visitor's and must never be served to another.
    /// </summary>
    public static async Task<RenderedView> RenderViewToStringAsync(this Controller controller, string viewName, object model)
    {
        var http = controller.HttpContext;
        var found = http.RequestServices.GetRequiredService<ICompositeViewEngine>().FindView(controller.ControllerContext, viewName, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view '{viewName}' was not found; searched: {string.Join(", ", found.SearchedLocations)}.");
        }

        var cookies = http.Response.Headers.SetCookie.Count;
        var tokens = TrackedAntiforgery.TokensGiven(http);
        var viewData = new ViewDataDictionary(controller.ViewData) { Model = model };
        await using var writer = new StringWriter();
        var options = http.RequestServices.GetRequiredService<IOptions<MvcViewOptions>>().Value.HtmlHelperOptions;
        var context = new ViewContext(controller.ControllerContext, found.View, viewData, controller.TempData, writer, options);
        await found.View.RenderAsync(context);
        var visitorSpecific = http.Response.Headers.SetCookie.Count != cookies || TrackedAntiforgery.TokensGiven(http) != tokens;

        // The context's view data, not the one passed in: a typed view works on its own copy (ViewDataDictionary<TModel>).
        return new RenderedView(writer.ToString(), context.ViewData, visitorSpecific);
    }
}

/// <summary>
/// The framework's antiforgery, counting on the request how often it gave out tokens: a form in a rendering makes the
/// rendering the visitor's own (<see cref="ViewRendering"/>).
/// </summary>
internal sealed class TrackedAntiforgery(IAntiforgery inner) : IAntiforgery
{
    private static readonly object s_key = new();

    public static int TokensGiven(HttpContext context) => context.Items.TryGetValue(s_key, out var n) ? (int)n! : 0;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        Count(httpContext);
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        Count(httpContext);
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        Count(httpContext);
        inner.SetCookieTokenAndHeader(httpContext);
    }

    private static void Count(HttpContext context) => context.Items[s_key] = TokensGiven(context) + 1;

    /// <summary>Wraps the registered antiforgery (after MVC has added it).</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        if (registered.ImplementationType is not { } type)
        {
            throw new InvalidOperationException("The antiforgery service is expected to be registered by its type.");
        }

        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp => new TrackedAntiforgery((IAntiforgery)ActivatorUtilities.CreateInstance(sp, type))));
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using LiaisonSite.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiaisonSite.Core.Hosting;

internal static class WebServices
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    public static void AddLiaisonMvc(this IServiceCollection services, ModuleCatalog catalog)
    {
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<Mvc.AdminLayoutFilter>();
                o.Filters.Add<Mvc.ConcurrencyConflictFilter>();
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelBinderProviders.Insert(0, new Mvc.DateRangeModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization()
            .ConfigureApplicationPartManager(manager =>
            {
                // Explicit order: themes first, because for two views at the same path the first part wins;
                // that is how a theme's view overrides a module's.
                manager.ApplicationParts.Clear();
                foreach (var provider in manager.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                {
                    manager.FeatureProviders.Remove(provider);
                }

                manager.FeatureProviders.Add(new Mvc.ModuleControllerFeatureProvider());
                var assemblies = catalog.Modules.Where(m => m.IsTheme)
                    .Concat(catalog.Modules.Where(m => !m.IsTheme))
                    .Select(m => m.GetType().Assembly)
                    .Append(typeof(WebServices).Assembly)
                    .Distinct();
                foreach (var assembly in assemblies)
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        manager.ApplicationParts.Add(part);
                    }
                }
            });

        // Renderings that hand out a form's tokens are the visitor's own, never kept as shared fragments.
        Mvc.TrackedAntiforgery.Register(services);

        // After AddViewLocalization: a view's localizer uses the translations of the view's own module first.
        services.Replace(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.Localization.IViewLocalizer, Localization.PoViewLocalizer>());
    }

    public static void AddLiaisonWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Chinese text is written as is, not as &#x…; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;

            // Chinese unless the visitor chose otherwise: the browser's language is not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Modules add named policies; 429 rather than the default 503 for a refused request.
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        // The policy is also a service, so that a module's policy can build on it (the public search page).
        var publicPage = new PublicPageCache(enabled: configuration.GetValue("Liaison:OutputCache:Enabled", true));
        services.Replace(ServiceDescriptor.Singleton(publicPage));
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(b => b.NoCache());
            o.AddPolicy(PublicPageCache.PolicyName, publicPage);
        });
        // Chinese text goes out as UTF-8, not as &#x...; entities: pages stay small and readable (and searchable in tests).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<SiteReadyHealthCheck>("site");
        services.AddProblemDetails();
    }
}

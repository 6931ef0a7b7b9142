using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiaisonSite.Core.Hosting;

public static class LiaisonPipeline
{
    /// <summary>The request pipeline: security headers, forwarded headers, errors, static files, language, setup gate, auth, output cache, endpoints.</summary>
    public static WebApplication UseLiaison(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<SetupGateMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<BearerSecurityStampMiddleware>();
        app.UseAuthorization();

        // Named policies come from modules ([EnableRateLimiting]); endpoints without one are not limited.
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = 503 } })
            .AllowAnonymous();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }

        app.MapControllers();
        return app;
    }

    /// <summary>Applies migrations, then runs the modules' start-up tasks (e.g. setup from configuration).</summary>
    public static async Task InitializeLiaisonAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a command-line verb if the arguments name one (<c>recipe run file</c>); returns its exit code, or null
    /// when the arguments are not a command and the site should start.
    /// </summary>
    public static async Task<int?> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return null;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICommandLineCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Verb.Count <= args.Length
            && c.Verb.Select((w, i) => string.Equals(w, args[i], StringComparison.OrdinalIgnoreCase)).All(x => x));
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. Commands:");
            foreach (var c in commands)
            {
                await Console.Error.WriteLineAsync("  " + c.Usage);
            }

            return 2;
        }

        await app.InitializeLiaisonAsync();
        await using var commandScope = app.Services.CreateAsyncScope();
        return await command.RunAsync(commandScope.ServiceProvider, args[command.Verb.Count..], Console.Out, Console.Error);
    }
}

/// <summary>Until setup has run, every page request goes to /setup.</summary>
internal sealed class SetupGateMiddleware(RequestDelegate next)
{
    // Setup happens once and is never undone: once seen completed, the gate costs a request nothing more.
    private volatile bool _setUp;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_setUp)
        {
            var path = context.Request.Path;
            var open = path.StartsWithSegments("/setup") || path.StartsWithSegments("/health") || path.StartsWithSegments("/error")
                || Path.HasExtension(path.Value);
            if (!open)
            {
                var site = context.RequestServices.GetRequiredService<ISiteService>();
                if ((await site.GetSettingsAsync()).SetupCompletedUtc is null)
                {
                    context.Response.Redirect("/setup");
                    return;
                }

                _setUp = true;
            }
        }

        await next(context);
    }
}

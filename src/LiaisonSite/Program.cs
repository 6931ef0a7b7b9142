using LiaisonSite;
using LiaisonSite.Core.Hosting;

// Command-line verbs ("recipe run <file>") are not configuration: keep them out of the configuration.
var isCommand = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddLiaison(SiteModules.Catalog, typeof(Program).Assembly.GetName().Name!);

var app = builder.Build();
app.UseLiaison();

if (await app.RunCommandLineAsync(args) is { } exitCode)
{
    return exitCode;
}

await app.InitializeLiaisonAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

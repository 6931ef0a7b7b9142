using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Liaison:AppData, Liaison:Database:Provider and Liaison:Database:ConnectionString.</summary>
public sealed class LiaisonOptions
{
    public string AppData { get; set; } = "App_Data";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Liaison:Redis:Configuration — when set, output cache and data-protection keys are shared through Redis.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>Liaison:Redis:InstanceName — key prefix, so that several sites can share one Redis (default "liaison:").</summary>
    public string RedisInstanceName { get; set; } = "liaison:";

    public static LiaisonOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Liaison");
        var appData = section["AppData"];
        var options = new LiaisonOptions
        {
            AppData = Path.GetFullPath(string.IsNullOrWhiteSpace(appData) ? "App_Data" : appData, contentRoot),
            RedisInstanceName = string.IsNullOrWhiteSpace(section["Redis:InstanceName"]) ? "liaison:" : section["Redis:InstanceName"]!,
            RedisConfiguration = string.IsNullOrWhiteSpace(section["Redis:Configuration"]) ? null : section["Redis:Configuration"],
            ConnectionString = string.IsNullOrWhiteSpace(section["Database:ConnectionString"]) ? null : section["Database:ConnectionString"],
        };
        var provider = section["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Liaison:Database:Provider is '{provider}'; it must be Sqlite or Postgres.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Liaison:Database:ConnectionString is required when the provider is Postgres.");
        }

        options.ConnectionString ??= $"Data Source={Path.Combine(options.AppData, "liaison.db")}";
        return options;
    }
}

using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// What web nodes must share. Data-protection keys live in the database, beside the personal data they encrypt
/// at rest (a Redis flush or a lost app-data folder must not make phone numbers unreadable), so every node on
/// the same database reads every cookie; they are stored encrypted with the certificate of
/// <see cref="KeyRingCertificate"/>, which every node holds outside the database. The output cache is in memory on one node; with
/// Liaison:Redis:Configuration set it moves to Redis, so a publish on one node evicts the cached pages of all.
/// </summary>
internal static class SharedStateServices
{
    public static void AddLiaisonSharedState(this IServiceCollection services, LiaisonOptions options, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("LiaisonSite").PersistKeysToDbContext<LiaisonDbContext>()
            .ProtectKeysWithCertificate(KeyRingCertificate.Load(configuration, options));
        services.AddSingleton<IStartupTask, KeyRingAtRest>();
        if (options.RedisConfiguration is null)
        {
            return;
        }

        var redis = ConnectionMultiplexer.Connect(options.RedisConfiguration);
        services.AddSingleton<IConnectionMultiplexer>(redis);
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis);
            o.InstanceName = options.RedisInstanceName;
        });
    }
}

using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// What web nodes must share. One node: data-protection keys in the app-data folder, output cache in memory.
/// Several nodes (Liaison:Redis:Configuration set): keys and the output cache in Redis, so a cookie issued by one
/// node is read by the others and a publish on one node evicts the cached pages of all.
/// </summary>
internal static class SharedStateServices
{
    public static void AddLiaisonSharedState(this IServiceCollection services, LiaisonOptions options)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("LiaisonSite");
        if (options.RedisConfiguration is null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.AppData, "DataProtection-Keys")));
            return;
        }

        var redis = ConnectionMultiplexer.Connect(options.RedisConfiguration);
        services.AddSingleton<IConnectionMultiplexer>(redis);
        dataProtection.PersistKeysToStackExchangeRedis(redis, options.RedisInstanceName + "data-protection-keys");
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis);
            o.InstanceName = options.RedisInstanceName;
        });
    }
}

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// One web node of a multi-node site: its own app-data folder (so nothing is shared through the file system), the
/// database file and the Redis instance shared with the other nodes, and the key-ring certificate every node of a
/// site must hold (keyring.pfx beside the database, made by the first node's factory). Needs LIAISON_TEST_REDIS
/// (scripts/test.sh).
/// </summary>
public sealed class NodeFactory(string name, string sharedDatabase, string redisInstance) : SiteFactory
{
    public static string? Redis => Environment.GetEnvironmentVariable("LIAISON_TEST_REDIS");

    public static void SkipWhenUnavailable()
        => Assert.SkipWhen(string.IsNullOrEmpty(Redis), "LIAISON_TEST_REDIS is not set (scripts/test.sh starts Redis and sets it).");

    private readonly string _certificate = SharedCertificate(sharedDatabase);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:DataProtection:CertificatePath"] = _certificate,
        ["Liaison:NodeName"] = name,
        ["Liaison:Database:ConnectionString"] = $"Data Source={sharedDatabase}",
        ["Liaison:Redis:Configuration"] = Redis,
        ["Liaison:Redis:InstanceName"] = redisInstance,
    };

    private static string SharedCertificate(string sharedDatabase)
    {
        var path = Path.Combine(Path.GetDirectoryName(sharedDatabase)!, "keyring.pfx");
        if (!File.Exists(path))
        {
            LiaisonSite.Core.Hosting.KeyRingCertificate.Create(path);
        }

        return path;
    }
}

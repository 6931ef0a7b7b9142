using System.Xml.Linq;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Data;

/// <summary>A plain site on a given database file and key-ring certificate ("" for the site's own default).</summary>
public sealed class KeyRingSiteFactory(string? database = null, string certificate = "") : SiteFactory("liaison")
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Liaison:DataProtection:CertificatePath"] = certificate };
            if (database is not null)
            {
                settings["Liaison:Database:ConnectionString"] = $"Data Source={database}";
            }

            return settings;
        }
    }
}

/// <summary>
/// Finding 6: the data-protection keys were stored in clear in the database beside the ciphertext they open, so a copy
/// of the database read every phone number and forged sign-in cookies. The key ring is now encrypted with a
/// certificate held outside the database.
/// </summary>
public sealed class KeyRingTests
{
    private const string Purpose = "LiaisonSite.PersonalData.v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewSite_WithoutConfiguration_MakesAnOwnerOnlyCertificateAndStoresNoKeyInClear()
    {
        await using var site = new KeyRingSiteFactory();
        var client = await site.SignInAsync(SiteFactory.AdminUserName);

        var rows = await KeyRowsAsync(site);
        var certificate = KeyRingCertificate.DefaultPath(site.Services.GetRequiredService<LiaisonOptions>());

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);
        });
        Assert.True(File.Exists(certificate));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(certificate)!));
        }
    }

    [Fact]
    public async Task ExistingSite_WithKeysInClear_KeepsReadingWhatTheyProtectedAndEncryptsThemAtStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", "keyring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "shared.db");
        var certificate = Path.Combine(folder, "keyring.pfx");
        KeyRingCertificate.Create(certificate);

        await using var before = new KeyRingSiteFactory(database, certificate);
        var (legacyKey, cipher) = LegacyKeyInClear("13800138000");
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "legacy", Xml = legacyKey.ToString(SaveOptions.DisableFormatting) });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Contains(await KeyRowsAsync(before), xml => xml.Contains("<value>", StringComparison.Ordinal));

        // A node started after the upgrade (same database, same certificate) encrypts the old key where it lies.
        await using var after = new KeyRingSiteFactory(database, certificate);
        var revealed = after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(cipher);

        Assert.Equal("13800138000", revealed);
        Assert.All(await KeyRowsAsync(after), xml => Assert.DoesNotContain("<value>", xml));
    }

    [Fact]
    public async Task Node_WithAnotherCertificateThanTheKeyRings_RefusesToStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", "keyring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "shared.db");
        var first = Path.Combine(folder, "first.pfx");
        var other = Path.Combine(folder, "other.pfx");
        KeyRingCertificate.Create(first);
        KeyRingCertificate.Create(other);
        await using var site = new KeyRingSiteFactory(database, first);
        Assert.NotEmpty(await KeyRowsAsync(site));

        await using var stranger = new KeyRingSiteFactory(database, other);
        var error = Assert.ThrowsAny<Exception>(() => stranger.Services);

        Assert.Contains("another certificate", error.ToString());
    }

    [Fact]
    public void Start_WithAConfiguredCertificateThatIsMissing_FailsNamingTheSetting()
    {
        using var site = new KeyRingSiteFactory(certificate: "/nonexistent/keyring.pfx");

        var error = Assert.ThrowsAny<Exception>(() => site.Services);

        Assert.Contains("Liaison:DataProtection:CertificatePath", error.ToString());
    }

    /// <summary>A key made as the site made them before (no encryptor: stored in clear), and a value it protected.</summary>
    private static (XElement Key, string Cipher) LegacyKeyInClear(string value)
    {
        var repository = new ListRepository();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("LiaisonSite");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        using var provider = services.BuildServiceProvider();
        var cipher = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(value);
        return (Assert.Single(repository.Elements), cipher);
    }

    private static async Task<List<string>> KeyRowsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
    }

    private sealed class ListRepository : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements.AsReadOnly();

        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest. The keys live in the database (every node
/// reads them), so a copy of the database alone would otherwise open every cookie and every phone and ID number; the
/// certificate with its private key is held outside the database. Liaison:DataProtection:CertificatePath (a PKCS#12
/// .pfx file, relative paths from the app-data folder) and Liaison:DataProtection:CertificatePassword name it; that
/// file must exist, because a node with another certificate could not read the key ring. Without configuration, the
/// single-machine default is {AppData}/DataProtection/keyring.pfx, created on first start, readable by its owner only.
/// </summary>
public static class KeyRingCertificate
{
    public const string Section = "Liaison:DataProtection";

    public static string DefaultPath(LiaisonOptions options) => Path.Combine(options.AppData, "DataProtection", "keyring.pfx");

    /// <summary>The configured certificate, or the default one (created when it does not exist yet).</summary>
    public static X509Certificate2 Load(IConfiguration configuration, LiaisonOptions options)
    {
        var configured = configuration[Section + ":CertificatePath"];
        var password = configuration[Section + ":CertificatePassword"];
        password = string.IsNullOrEmpty(password) ? null : password;
        string path;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            path = Path.GetFullPath(configured.Trim(), options.AppData);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{Section}:CertificatePath is '{path}', which does not exist. Every node needs that certificate to read the "
                    + "data-protection key ring; restore it (or remove the setting on a new single-machine site).");
            }
        }
        else
        {
            path = DefaultPath(options);
            if (!File.Exists(path))
            {
                Create(path, password);
            }
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The key-ring certificate '{path}' has no private key.");
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The key-ring certificate '{path}' could not be opened (a PKCS#12 file; is {Section}:CertificatePassword right?): {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a new self-signed RSA certificate with its private key to <paramref name="path"/>, readable and writable
    /// by the owner only (mode 600, its folder 700). Does nothing when the file appeared meanwhile (another process).
    /// </summary>
    public static void Create(string path, string? password = null)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=LiaisonSite data-protection key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var bytes = certificate.Export(X509ContentType.Pkcs12, password);

        var folder = Path.GetDirectoryName(path)!;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, options);
            file.Write(bytes);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; that one is used.
        }
    }
}

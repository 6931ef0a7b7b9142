using System.Security.Cryptography;
using System.Xml.Linq;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// At start, before anything uses a key: every encrypted key of the ring must open with this node's certificate (else
/// the node refuses to start, rather than make new keys and leave the old cookies and personal data unreadable), and
/// keys still stored in clear (a site from before the key ring was encrypted) are encrypted in place. Their key
/// material does not change, so everything they protected stays readable; a copy of the database no longer holds them
/// in clear. Each rewrite is decrypted again and compared before it is saved.
/// </summary>
internal sealed class KeyRingAtRest(IOptions<KeyManagementOptions> keyManagement, ILogger<KeyRingAtRest> logger) : IStartupTask
{
    private static readonly XNamespace s_dataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public int Order => -3000;

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var encryptor = keyManagement.Value.XmlEncryptor
            ?? throw new InvalidOperationException("The data-protection key ring has no encryptor: keys would be stored in clear.");
        var decryptor = new EncryptedXmlDecryptor(services);
        var db = services.GetRequiredService<LiaisonDbContext>();
        var encrypted = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            var key = XElement.Parse(row.Xml ?? "<key />");
            foreach (var secret in key.Descendants(s_dataProtection + "encryptedSecret").ToList())
            {
                Open(decryptor, secret.Elements().Single(), row.FriendlyName);
            }

            var clear = key.Descendants().Where(e => (string?)e.Attribute(s_dataProtection + "requiresEncryption") == "true").ToList();
            foreach (var element in clear)
            {
                var info = encryptor.Encrypt(new XElement(element));
                var check = Open(decryptor, info.EncryptedElement, row.FriendlyName);
                if (check.Name != element.Name || check.Value != element.Value)
                {
                    throw new InvalidOperationException($"Data-protection key {row.FriendlyName}: encrypting it at rest did not round-trip; it was left as it is.");
                }

                element.ReplaceWith(new XElement(s_dataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }

            if (clear.Count > 0)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                encrypted++;
            }
        }

        if (encrypted > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("{Count} data-protection keys were stored in clear; they are now encrypted with the key-ring certificate.", encrypted);
        }
    }

    private static XElement Open(IXmlDecryptor decryptor, XElement encrypted, string? key)
    {
        try
        {
            return decryptor.Decrypt(encrypted);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Data-protection key {key} in the database was encrypted with another certificate than this node's "
                + $"({KeyRingCertificate.Section}:CertificatePath). Start every node with the certificate the key ring was "
                + "encrypted with; without it the site cannot read its cookies or the personal data it encrypted.", e);
        }
    }
}

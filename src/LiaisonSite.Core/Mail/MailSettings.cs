using System.Globalization;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Mail;

/// <summary>The SMTP settings saved on the admin settings page (a document); the password is stored encrypted.</summary>
public sealed class MailSettingsDocument
{
    public const string DocumentKey = "MailSettings";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    /// <summary>The password, protected with Data Protection (purpose <see cref="MailSettingsStore.Purpose"/>).</summary>
    public string? ProtectedPassword { get; set; }

    public string? From { get; set; }
}

/// <summary>The settings the mail job uses: each one from configuration (Liaison:Mail:*) when set there, else from the page.</summary>
public sealed record MailOptions(string? Host, int Port, bool UseTls, string? UserName, string? Password, string? From)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public interface IMailSettings
{
    /// <summary>The effective settings (configuration over the saved page).</summary>
    Task<MailOptions> GetAsync();

    Task<MailSettingsDocument> GetDocumentAsync();

    /// <summary>Stages the page's settings; a null <paramref name="newPassword"/> keeps the saved one.</summary>
    Task SaveAsync(MailSettingsDocument settings, string? newPassword, bool removePassword);

    /// <summary>The keys (Host, Port, UseTls, UserName, Password, From) set in configuration, which the page cannot change.</summary>
    IReadOnlySet<string> ConfiguredKeys { get; }
}

internal sealed class MailSettingsStore(IDocumentStore documents, IConfiguration configuration, IDataProtectionProvider protection) : IMailSettings
{
    public const string Purpose = "LiaisonSite.Mail.Password.v1";

    private static readonly string[] s_keys = ["Host", "Port", "UseTls", "UserName", "Password", "From"];

    private IConfigurationSection Section => configuration.GetSection("Liaison:Mail");

    public IReadOnlySet<string> ConfiguredKeys => s_keys.Where(k => !string.IsNullOrWhiteSpace(Section[k])).ToHashSet(StringComparer.Ordinal);

    public async Task<MailOptions> GetAsync()
    {
        var saved = await GetDocumentAsync();
        var section = Section;
        var port = int.TryParse(section["Port"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : saved.Port;
        var useTls = bool.TryParse(section["UseTls"], out var tls) ? tls : saved.UseTls;
        return new MailOptions(
            Pick(section["Host"], saved.Host),
            port,
            useTls,
            Pick(section["UserName"], saved.UserName),
            Pick(section["Password"], Unprotect(saved.ProtectedPassword)),
            Pick(section["From"], saved.From));
    }

    public Task<MailSettingsDocument> GetDocumentAsync() => documents.GetAsync<MailSettingsDocument>(MailSettingsDocument.DocumentKey);

    public async Task SaveAsync(MailSettingsDocument settings, string? newPassword, bool removePassword)
    {
        var saved = await GetDocumentAsync();
        settings.ProtectedPassword = removePassword
            ? null
            : string.IsNullOrEmpty(newPassword) ? saved.ProtectedPassword : protection.CreateProtector(Purpose).Protect(newPassword);
        await documents.SaveAsync(MailSettingsDocument.DocumentKey, settings);
    }

    private string? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(Purpose).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A key ring that no longer opens it: as if no password were saved (the page says to enter it again).
            return null;
        }
    }

    private static string? Pick(string? configured, string? saved) => string.IsNullOrWhiteSpace(configured) ? saved : configured;
}

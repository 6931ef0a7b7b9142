using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Liaison.Organization.Import;

/// <summary>An uploaded roster waiting for the user's confirmation: who uploaded it, which roster, the rows read.</summary>
internal sealed record RosterUpload(string Owner, RosterKind Kind, string FileName, List<RosterUploadRow> Rows);

internal sealed record RosterUploadRow(int Number, Dictionary<string, string> Values);

/// <summary>
/// Keeps uploads between the preview and the confirmation on the server, under {AppData}/RosterImports, encrypted
/// (they hold phone and ID numbers) and time-limited: the page carries only a random token, so nobody can change
/// rows between what they saw and what is written. A token is used once and lives 30 minutes.
/// </summary>
internal sealed partial class RosterUploadStore(LiaisonOptions options, IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("LiaisonSite.RosterImport.v1").ToTimeLimitedDataProtector();

    private string Folder => Path.Combine(options.AppData, "RosterImports");

    public async Task<string> SaveAsync(RosterUpload upload, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        DeleteExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var bytes = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(upload), clock.GetUtcNow().Add(Lifetime));
        await File.WriteAllBytesAsync(PathOf(token), bytes, cancellationToken);
        return token;
    }

    /// <summary>The upload, if the token is one of <paramref name="owner"/>'s and has not expired.</summary>
    public async Task<RosterUpload?> FindAsync(string token, string owner, CancellationToken cancellationToken = default)
    {
        if (!Token().IsMatch(token) || !File.Exists(PathOf(token)))
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(await File.ReadAllBytesAsync(PathOf(token), cancellationToken), out _);
            var upload = JsonSerializer.Deserialize<RosterUpload>(bytes);
            return upload is not null && string.Equals(upload.Owner, owner, StringComparison.OrdinalIgnoreCase) ? upload : null;
        }
        catch (CryptographicException)
        {
            Delete(token);
            return null;
        }
    }

    public void Delete(string token)
    {
        if (Token().IsMatch(token))
        {
            File.Delete(PathOf(token));
        }
    }

    private string PathOf(string token) => Path.Combine(Folder, token + ".bin");

    private void DeleteExpired()
    {
        var limit = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bin"))
        {
            if (File.GetLastWriteTimeUtc(file) < limit)
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Token();
}

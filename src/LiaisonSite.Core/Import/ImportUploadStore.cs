using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace LiaisonSite.Core.Import;

/// <summary>
/// Keeps an uploaded import between its preview and the user's confirmation on the server, under
/// {AppData}/Imports/{purpose}, encrypted (rosters hold phone and ID numbers, personnel events say who was punished)
/// and time-limited: the page carries only a random token, so nobody can change rows between what they saw and what
/// is written. A token belongs to the user who uploaded, is used once and lives 30 minutes. On several nodes AppData
/// is shared storage, as for media.
/// </summary>
public sealed partial class ImportUploadStore(LiaisonOptions options, IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private sealed record Envelope<T>(string Owner, T Upload);

    public async Task<string> SaveAsync<T>(string purpose, string owner, T upload, CancellationToken cancellationToken = default)
    {
        var folder = Folder(purpose);
        Directory.CreateDirectory(folder);
        DeleteExpired(folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var bytes = Protector(purpose).Protect(JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(owner, upload)), clock.GetUtcNow().Add(Lifetime));
        await File.WriteAllBytesAsync(PathOf(purpose, token), bytes, cancellationToken);
        return token;
    }

    /// <summary>The upload, if the token is one of <paramref name="owner"/>'s and has not expired.</summary>
    public async Task<T?> FindAsync<T>(string purpose, string token, string owner, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!Token().IsMatch(token) || !File.Exists(PathOf(purpose, token)))
        {
            return null;
        }

        try
        {
            var bytes = Protector(purpose).Unprotect(await File.ReadAllBytesAsync(PathOf(purpose, token), cancellationToken), out _);
            var envelope = JsonSerializer.Deserialize<Envelope<T>>(bytes);
            return envelope is not null && string.Equals(envelope.Owner, owner, StringComparison.OrdinalIgnoreCase) ? envelope.Upload : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            Delete(purpose, token);
            return null;
        }
    }

    public void Delete(string purpose, string token)
    {
        if (Token().IsMatch(token))
        {
            File.Delete(PathOf(purpose, token));
        }
    }

    private ITimeLimitedDataProtector Protector(string purpose)
        => provider.CreateProtector("LiaisonSite.Import.v1", Purpose(purpose)).ToTimeLimitedDataProtector();

    private string Folder(string purpose) => Path.Combine(options.AppData, "Imports", Purpose(purpose));

    private string PathOf(string purpose, string token) => Path.Combine(Folder(purpose), token + ".bin");

    private static string Purpose(string purpose)
        => PurposeName().IsMatch(purpose) ? purpose : throw new ArgumentException("An import purpose is a short lower-case name.", nameof(purpose));

    private void DeleteExpired(string folder)
    {
        var limit = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in Directory.EnumerateFiles(folder, "*.bin"))
        {
            if (File.GetLastWriteTimeUtc(file) < limit)
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Token();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex PurposeName();
}

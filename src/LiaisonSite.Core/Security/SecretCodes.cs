using System.Security.Cryptography;
using System.Text;

namespace LiaisonSite.Core.Security;

/// <summary>
/// Random one-time codes shown once to a person (a tracking code, a ballot link) and stored only as their SHA-256
/// hash, so whoever reads the database cannot use them. One implementation for every module.
/// </summary>
public static class SecretCodes
{
    /// <summary>A code of <paramref name="bytes"/> random bytes (at least 16, i.e. 128 bits) in base64url, no padding.</summary>
    public static string NewBase64Url(int bytes = 24)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        return Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));
    }

    /// <summary>A code of <paramref name="length"/> characters drawn uniformly from <paramref name="alphabet"/>.</summary>
    public static string NewFromAlphabet(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>The stored form of a code: SHA-256 of its UTF-8 bytes, 64 lower-case hex characters.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Whether the text could be a base64url code of that many bytes (before any database look-up).</summary>
    public static bool IsBase64Url(string? code, int bytes)
    {
        var length = (bytes * 8 + 5) / 6;
        return code is not null && code.Length == length
            && code.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
    }

    private static string Base64UrlEncode(byte[] data)
        => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

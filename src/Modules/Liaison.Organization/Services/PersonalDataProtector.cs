using System.Security.Cryptography;
using Liaison.Organization.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Liaison.Organization.Services;

/// <summary>
/// Encrypts phone and ID numbers at rest with ASP.NET Core Data Protection (keys in the database) and masks them
/// for display: 13812341234 → 138****1234, 110101200501011234 → 110***********1234.
/// </summary>
internal sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("LiaisonSite.PersonalData.v1");

    public ProtectedValue Protect(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? new ProtectedValue()
            : new ProtectedValue { Cipher = _protector.Protect(trimmed), Masked = Mask(trimmed) };
    }

    /// <summary>The full value, or null when none is stored or the key that encrypted it is gone.</summary>
    public string? Reveal(ProtectedValue value)
    {
        if (!value.HasValue)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value.Cipher!);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Keeps the first three and last four characters; short values keep only their last character.</summary>
    public static string Mask(string value)
    {
        if (value.Length > 7)
        {
            return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
        }

        return value.Length <= 1 ? "*" : new string('*', value.Length - 1) + value[^1];
    }
}

using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>
/// A phone or ID number at rest: the Data Protection cipher text and the masked form (138****1234) that anyone who
/// may see the record is shown. Full values are revealed only through <see cref="Services.PersonalDataProtector"/>.
/// </summary>
[Owned]
internal sealed class ProtectedValue
{
    public string? Cipher { get; set; }

    public string? Masked { get; set; }

    public bool HasValue => !string.IsNullOrEmpty(Cipher);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Hosting;

/// <summary>Identity's messages (password rules, duplicate names) in the user's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<LocalizedIdentityErrorDescriber> S) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length)
        => new() { Code = nameof(PasswordTooShort), Description = S["Passwords must be at least {0} characters.", length] };

    public override IdentityError PasswordRequiresDigit()
        => new() { Code = nameof(PasswordRequiresDigit), Description = S["Passwords must have at least one digit ('0'-'9')."] };

    public override IdentityError PasswordRequiresLower()
        => new() { Code = nameof(PasswordRequiresLower), Description = S["Passwords must have at least one lowercase letter ('a'-'z')."] };

    public override IdentityError DuplicateUserName(string userName)
        => new() { Code = nameof(DuplicateUserName), Description = S["User name '{0}' is already taken.", userName] };

    public override IdentityError DuplicateEmail(string email)
        => new() { Code = nameof(DuplicateEmail), Description = S["Email '{0}' is already taken.", email] };

    public override IdentityError InvalidUserName(string? userName)
        => new() { Code = nameof(InvalidUserName), Description = S["User name '{0}' is invalid: use letters, digits and - . _ @ only.", userName ?? ""] };

    public override IdentityError InvalidEmail(string? email)
        => new() { Code = nameof(InvalidEmail), Description = S["Email '{0}' is invalid.", email ?? ""] };

    public override IdentityError DuplicateRoleName(string role)
        => new() { Code = nameof(DuplicateRoleName), Description = S["Role '{0}' already exists.", role] };

    public override IdentityError PasswordMismatch()
        => new() { Code = nameof(PasswordMismatch), Description = S["Incorrect password."] };
}

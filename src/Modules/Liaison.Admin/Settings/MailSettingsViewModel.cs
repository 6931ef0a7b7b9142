using System.ComponentModel.DataAnnotations;

namespace Liaison.Admin.Settings;

public sealed class MailSettingsViewModel
{
    [StringLength(255, ErrorMessage = "The server name can have at most {1} characters.")]
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "The port must be between {1} and {2}.")]
    public int Port { get; set; } = 587;

    public bool UseTls { get; set; } = true;

    [StringLength(256, ErrorMessage = "The user name can have at most {1} characters.")]
    public string? UserName { get; set; }

    /// <summary>Never filled in by the page: empty keeps the saved password.</summary>
    [StringLength(256, ErrorMessage = "The password can have at most {1} characters.")]
    public string? NewPassword { get; set; }

    public bool RemovePassword { get; set; }

    [StringLength(256, ErrorMessage = "The sender can have at most {1} characters.")]
    public string? From { get; set; }

    public bool HasPassword { get; set; }

    public IReadOnlySet<string> Configured { get; set; } = new HashSet<string>();
}

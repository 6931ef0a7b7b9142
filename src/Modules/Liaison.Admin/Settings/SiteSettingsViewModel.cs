using System.ComponentModel.DataAnnotations;

namespace Liaison.Admin.Settings;

public sealed class SiteSettingsViewModel
{
    public const int MaxPageSize = 100;

    [Required(ErrorMessage = "Enter the site name.")]
    [StringLength(100, ErrorMessage = "The site name can have at most {1} characters.")]
    public string SiteName { get; set; } = "";

    [StringLength(500, ErrorMessage = "The description can have at most {1} characters.")]
    public string? SiteDescription { get; set; }

    [Range(1, MaxPageSize, ErrorMessage = "Items per page must be between {1} and {2}.")]
    public int PageSize { get; set; } = 10;
}

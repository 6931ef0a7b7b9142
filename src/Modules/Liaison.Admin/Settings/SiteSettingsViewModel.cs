using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

    /// <summary>The content item served at "/" (Orchard's home route); empty for the school's own home page.</summary>
    [StringLength(26, ErrorMessage = "A content item id has at most {1} characters.")]
    public string? HomeContentItemId { get; set; }

    /// <summary>The "use the school's home page" button: clears <see cref="HomeContentItemId"/>.</summary>
    public bool UseSchoolHome { get; set; }

    [BindNever]
    public string? HomeTitle { get; set; }

    [BindNever]
    public bool HomePublished { get; set; }
}

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

    /// <summary>
    /// The school's time zone (IANA id): dates shown, deadlines and the school year are reckoned in it. Not posted (a
    /// script that posts only the fields it knows): left as it is.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>The language of e-mails and notifications sent by the site (pages follow each reader's choice); not posted: left as it is.</summary>
    public string? DefaultCulture { get; set; }

    /// <summary>The zones offered: the school's usual ones, and the one set now when it is another.</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
        ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "UTC"];

    /// <summary>The languages the site is written in.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en-US"];

    [BindNever]
    public string? HomeTitle { get; set; }

    [BindNever]
    public bool HomePublished { get; set; }
}

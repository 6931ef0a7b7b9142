using System.ComponentModel.DataAnnotations;
using Liaison.Organization.Data;
using LiaisonSite.Core.Mvc;

namespace Liaison.Organization.Admin;

internal sealed record MemberFilter(string? Branch, int? Unit, bool Cadres, bool Inactive, string? Q, string? Condition = null);

internal sealed record MemberRow(int Id, string Number, string Name, string? Branch, string? Unit, string PartyPost,
    bool IsLeadingCadre, string? CadrePost, string? PhoneMasked, bool Active);

internal sealed record MemberListViewModel(MemberFilter Filter, IReadOnlyList<MemberRow> Rows, Pager Pager,
    IReadOnlyList<Option> Branches, IReadOnlyList<Option> Units, IReadOnlyList<Option>? Conditions = null);

/// <summary>The member form. Phone: empty keeps the stored number (it is never sent back to the browser).</summary>
internal sealed class MemberEditModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Enter the staff number.")]
    [StringLength(50, ErrorMessage = "The staff number can have at most {1} characters.")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
    public string Name { get; set; } = "";

    [StringLength(10, ErrorMessage = "The gender can have at most {1} characters.")]
    public string? Gender { get; set; }

    [StringLength(256, ErrorMessage = "The user name can have at most {1} characters.")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Choose the branch.")]
    public string BranchId { get; set; } = "";

    public string? GroupId { get; set; }

    public DateOnly? JoinedOn { get; set; }

    [Required(ErrorMessage = "Enter the Party post.")]
    [StringLength(50, ErrorMessage = "The Party post can have at most {1} characters.")]
    public string PartyPost { get; set; } = "党员";

    public bool IsLeadingCadre { get; set; }

    [StringLength(100, ErrorMessage = "The cadre post can have at most {1} characters.")]
    public string? CadrePost { get; set; }

    public int? UnitId { get; set; }

    [StringLength(50, ErrorMessage = "The subject can have at most {1} characters.")]
    public string? Subject { get; set; }

    [RegularExpression(RosterRules.PhonePattern, ErrorMessage = "Enter a valid phone number (digits, may start with +).")]
    public string? Phone { get; set; }

    public bool ClearPhone { get; set; }

    /// <summary>Shown, never posted.</summary>
    public string? PhoneMasked { get; set; }

    public IReadOnlyList<Option> Branches { get; set; } = [];

    public IReadOnlyList<Option> Groups { get; set; } = [];

    public IReadOnlyList<Option> Units { get; set; } = [];
}

/// <summary>A member's own page: details, 责任区 and, for leading cadres, contact points.</summary>
internal sealed record MemberDetailsViewModel(PartyMember Member, string? Branch, string? Group, string? Unit,
    bool CanReveal, Coverage.ContactPointsModel ContactPoints, IReadOnlyList<Contracts.MemberRecordSection> Sections);

/// <summary>A full phone or ID number shown once, after the reveal was logged.</summary>
internal sealed record RevealViewModel(string Name, string Label, string? Value, string BackUrl);

internal static class RosterRules
{
    public const string PhonePattern = @"^\+?[0-9][0-9\- ]{5,19}$";

    /// <summary>Mainland resident ID: 18 characters (17 digits and a digit or X), or the old 15 digits.</summary>
    public const string IdNumberPattern = @"^([0-9]{17}[0-9Xx]|[0-9]{15})$";
}

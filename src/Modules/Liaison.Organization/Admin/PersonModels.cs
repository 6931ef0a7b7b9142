using System.ComponentModel.DataAnnotations;
using Liaison.Organization.Data;
using LiaisonSite.Core.Mvc;

namespace Liaison.Organization.Admin;

internal sealed record PersonFilter(string? Branch, int? Unit, PersonKind? Kind, string? Grade, bool Inactive, string? Q);

internal sealed record PersonRow(int Id, PersonKind Kind, string Number, string Name, string? Branch, string? Unit,
    string? GradeAndClass, string? PostOrSubject, string? PhoneMasked, string? IdNumberMasked, bool Active);

internal sealed record PersonListViewModel(PersonFilter Filter, IReadOnlyList<PersonRow> Rows, Pager Pager,
    IReadOnlyList<Option> Branches, IReadOnlyList<Option> Units, IReadOnlyList<string> Grades);

/// <summary>The person form. Phone and ID number: empty keeps what is stored (never sent back to the browser).</summary>
internal sealed class PersonEditModel
{
    public int? Id { get; set; }

    public PersonKind Kind { get; set; }

    [Required(ErrorMessage = "Enter the staff or student number.")]
    [StringLength(50, ErrorMessage = "The number can have at most {1} characters.")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
    public string Name { get; set; } = "";

    [StringLength(10, ErrorMessage = "The gender can have at most {1} characters.")]
    public string? Gender { get; set; }

    public int? UnitId { get; set; }

    [StringLength(100, ErrorMessage = "The post can have at most {1} characters.")]
    public string? Post { get; set; }

    [StringLength(50, ErrorMessage = "The subject can have at most {1} characters.")]
    public string? Subject { get; set; }

    [StringLength(50, ErrorMessage = "The grade can have at most {1} characters.")]
    public string? Grade { get; set; }

    [StringLength(50, ErrorMessage = "The class can have at most {1} characters.")]
    public string? ClassName { get; set; }

    public string? BranchId { get; set; }

    [RegularExpression(RosterRules.PhonePattern, ErrorMessage = "Enter a valid phone number (digits, may start with +).")]
    public string? Phone { get; set; }

    [RegularExpression(RosterRules.IdNumberPattern, ErrorMessage = "Enter a valid ID number (18 characters, the last may be X).")]
    public string? IdNumber { get; set; }

    public bool ClearPhone { get; set; }

    public bool ClearIdNumber { get; set; }

    public string? PhoneMasked { get; set; }

    public string? IdNumberMasked { get; set; }

    public bool Active { get; set; } = true;

    public bool CanReveal { get; set; }

    public IReadOnlyList<Option> Branches { get; set; } = [];

    public IReadOnlyList<Option> Units { get; set; } = [];
}

using System.ComponentModel.DataAnnotations;
using Liaison.Organization.Admin;
using LiaisonSite.Core.Mvc;

namespace Liaison.Organization.Visits;

internal sealed class VisitEditModel
{
    public int? UnitId { get; set; }

    [Required(ErrorMessage = "Enter the date of the visit.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Describe what was done.")]
    [StringLength(4000, ErrorMessage = "At most {1} characters.")]
    public string WhatWasDone { get; set; } = "";

    [StringLength(4000, ErrorMessage = "At most {1} characters.")]
    public string? ProblemsFound { get; set; }

    [StringLength(4000, ErrorMessage = "At most {1} characters.")]
    public string? FollowUp { get; set; }

    public bool FollowUpClosed { get; set; }
}

internal sealed record VisitRow(int Id, string Cadre, string Unit, DateOnly Date, string WhatWasDone, string? ProblemsFound,
    string? FollowUp, bool FollowUpClosed, bool Own);

internal sealed record VisitsViewModel(IReadOnlyList<VisitRow> Rows, Pager Pager, bool OpenOnly, int? Member,
    bool CanRecord, IReadOnlyList<Option> OwnUnits, VisitEditModel Form);

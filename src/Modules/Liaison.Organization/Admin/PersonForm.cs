using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

/// <summary>Choices, scope and uniqueness checks, and applying the person form.</summary>
internal sealed class PersonForm(LiaisonDbContext db, RosterLookups lookups, PersonalDataProtector protector, IStringLocalizer<PersonForm> S)
{
    public async Task<PersonEditModel> WithChoicesAsync(PersonEditModel model, UserScope scope)
    {
        model.Branches = await lookups.BranchesAsync(scope);
        model.Units = await lookups.UnitsAsync();
        return model;
    }

    public static PersonEditModel From(MassPerson p) => new()
    {
        Id = p.Id, Kind = p.Kind, Number = p.Number, Name = p.Name, Gender = p.Gender, UnitId = p.UnitId, Post = p.Post,
        Subject = p.Subject, Grade = p.Grade, ClassName = p.ClassName, BranchId = p.BranchId,
        PhoneMasked = p.Phone.Masked, IdNumberMasked = p.IdNumber.Masked, Active = p.Active,
    };

    public async Task ValidateAsync(PersonEditModel model, UserScope scope, ModelStateDictionary errors)
    {
        if (!Enum.IsDefined(model.Kind))
        {
            errors.AddModelError(nameof(model.Kind), S["Choose staff or student."]);
        }

        // The committee may leave a person unassigned; a secretary's people belong to their branch.
        var branch = MemberForm.Clean(model.BranchId);
        if (branch is null ? !scope.AllBranches : !scope.ManagesBranch(branch) || !(await lookups.BranchesAsync(scope)).Any(b => b.Value == branch))
        {
            errors.AddModelError(nameof(model.BranchId), S["Choose a branch you manage."]);
        }

        var number = model.Number?.Trim() ?? "";
        if (await db.Set<MassPerson>().AnyAsync(p => p.Kind == model.Kind && p.Number == number && p.Id != model.Id))
        {
            errors.AddModelError(nameof(model.Number), S["Another person of this kind already has number {0}.", number]);
        }

        if (model.UnitId is { } unit && !await db.Set<Unit>().AnyAsync(u => u.Id == unit))
        {
            errors.AddModelError(nameof(model.UnitId), S["Choose a unit from the list."]);
        }

        if (model.Kind == PersonKind.Student && string.IsNullOrWhiteSpace(model.Grade))
        {
            errors.AddModelError(nameof(model.Grade), S["Enter the student's grade."]);
        }
    }

    public void Apply(PersonEditModel model, MassPerson person)
    {
        person.Kind = model.Kind;
        person.Number = model.Number.Trim();
        person.Name = model.Name.Trim();
        person.Gender = MemberForm.Clean(model.Gender);
        person.UnitId = model.UnitId;
        person.Post = MemberForm.Clean(model.Post);
        person.Subject = MemberForm.Clean(model.Subject);
        person.Grade = MemberForm.Clean(model.Grade);
        person.ClassName = MemberForm.Clean(model.ClassName);
        person.BranchId = MemberForm.Clean(model.BranchId);
        person.Phone = Next(person.Phone, model.Phone, model.ClearPhone);
        person.IdNumber = Next(person.IdNumber, model.IdNumber?.ToUpperInvariant(), model.ClearIdNumber);
    }

    private ProtectedValue Next(ProtectedValue stored, string? posted, bool clear)
        => clear ? new ProtectedValue() : string.IsNullOrWhiteSpace(posted) ? stored : protector.Protect(posted);
}

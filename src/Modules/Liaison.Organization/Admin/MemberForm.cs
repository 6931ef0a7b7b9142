using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

/// <summary>Fills the member form's choices, checks what annotations cannot (scope, uniqueness) and applies it.</summary>
internal sealed class MemberForm(LiaisonDbContext db, OrganizationScope organizations, RosterLookups lookups,
    PersonalDataProtector protector, IStringLocalizer<MemberForm> S)
{
    public async Task<MemberEditModel> WithChoicesAsync(MemberEditModel model, UserScope scope)
    {
        model.Branches = await lookups.BranchesAsync(scope);
        var branchIds = model.Branches.Select(b => b.Value).ToList();
        model.Groups = [.. (await organizations.Organizations()
            .Where(o => o.Kind == OrganizationKind.Group && o.ParentContentItemId != null && branchIds.Contains(o.ParentContentItemId))
            .OrderBy(o => o.Name).Select(o => new { o.ContentItemId, o.Name }).ToListAsync())
            .Select(o => new Option(o.ContentItemId, o.Name))];
        model.Units = await lookups.UnitsAsync();
        return model;
    }

    public static MemberEditModel From(PartyMember m) => new()
    {
        Id = m.Id, Number = m.Number, Name = m.Name, Gender = m.Gender, UserName = m.UserName, BranchId = m.BranchId,
        GroupId = m.GroupId, JoinedOn = m.JoinedOn, PartyPost = m.PartyPost, IsLeadingCadre = m.IsLeadingCadre,
        CadrePost = m.CadrePost, UnitId = m.UnitId, Subject = m.Subject, PhoneMasked = m.Phone.Masked,
    };

    public async Task ValidateAsync(MemberEditModel model, UserScope scope, ModelStateDictionary errors)
    {
        var branch = model.BranchId?.Trim() ?? "";
        if (branch.Length > 0 && (!scope.ManagesBranch(branch)
            || !await organizations.Organizations().AnyAsync(o => o.ContentItemId == branch && o.Kind != OrganizationKind.Group)))
        {
            errors.AddModelError(nameof(model.BranchId), S["Choose a branch you manage."]);
        }

        if (!string.IsNullOrWhiteSpace(model.GroupId) && !await organizations.Organizations()
            .AnyAsync(o => o.ContentItemId == model.GroupId && o.Kind == OrganizationKind.Group && o.ParentContentItemId == branch))
        {
            errors.AddModelError(nameof(model.GroupId), S["The Party group must belong to the chosen branch."]);
        }

        var number = model.Number?.Trim() ?? "";
        if (await db.Set<PartyMember>().AnyAsync(m => m.Number == number && m.Id != model.Id))
        {
            errors.AddModelError(nameof(model.Number), S["Another member already has staff number {0}.", number]);
        }

        var user = model.UserName?.Trim();
        if (!string.IsNullOrEmpty(user))
        {
            if (!await db.Users.AnyAsync(u => u.UserName == user))
            {
                errors.AddModelError(nameof(model.UserName), S["There is no user account named {0}.", user]);
            }
            else if (await db.Set<PartyMember>().AnyAsync(m => m.UserName == user && m.Id != model.Id))
            {
                errors.AddModelError(nameof(model.UserName), S["The account {0} is already linked to another member.", user]);
            }
        }

        if (model.UnitId is { } unit && !await db.Set<Unit>().AnyAsync(u => u.Id == unit))
        {
            errors.AddModelError(nameof(model.UnitId), S["Choose a unit from the list."]);
        }
    }

    public void Apply(MemberEditModel model, PartyMember member)
    {
        member.Number = model.Number.Trim();
        member.Name = model.Name.Trim();
        member.Gender = Clean(model.Gender);
        member.UserName = Clean(model.UserName);
        member.BranchId = model.BranchId.Trim();
        member.GroupId = Clean(model.GroupId);
        member.JoinedOn = model.JoinedOn;
        member.PartyPost = model.PartyPost.Trim();
        member.IsLeadingCadre = model.IsLeadingCadre;
        member.CadrePost = Clean(model.CadrePost);
        member.UnitId = model.UnitId;
        member.Subject = Clean(model.Subject);
        if (model.ClearPhone)
        {
            member.Phone = new ProtectedValue();
        }
        else if (!string.IsNullOrWhiteSpace(model.Phone))
        {
            member.Phone = protector.Protect(model.Phone);
        }
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>A valid row could still not be written (an account the identity rules refuse): names the row.</summary>
internal sealed class RosterImportException(int row, string message) : Exception(message)
{
    public int Row { get; } = row;
}

/// <summary>
/// Writes the valid rows of a checked roster: upserts by number (so importing the same file twice changes nothing
/// the second time), stores phones and ID numbers only through <see cref="PersonalDataProtector"/>, and links or
/// creates the member's account. Stages changes in the request's context; the caller saves and commits. Inside the
/// caller's transaction (the upload page, the Roster recipe step) every <see cref="ChunkSize"/> rows are saved and let
/// go of, so a roster of 20,000 is never held by the unit of work at once; the import stays all or nothing.
/// </summary>
internal sealed class RosterImporter(
    LiaisonDbContext db, PersonalDataProtector protector, UserManager<LiaisonUser> users, IStringLocalizer<RosterImporter> S)
{
    internal const int ChunkSize = 500;

    /// <summary>Writes the rows; <paramref name="defaultPassword"/> is for new accounts of rows without one.</summary>
    public async Task<(int Created, int Updated)> ApplyAsync(RosterPreview preview, string? defaultPassword = null)
    {
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id);
        return preview.Kind == RosterKind.Members
            ? await ApplyMembersAsync(preview.Members, units, defaultPassword)
            : await ApplyPersonsAsync(preview.Persons, units);
    }

    private async Task<(int, int)> ApplyMembersAsync(List<MemberRecord> records, Dictionary<string, int> units, string? defaultPassword)
    {
        var created = 0;
        foreach (var chunk in records.Chunk(ChunkSize))
        {
            created += await ApplyMembersAsync(chunk, units, defaultPassword);
            await FlushAsync();
        }

        return (created, records.Count - created);
    }

    private async Task<int> ApplyMembersAsync(MemberRecord[] records, Dictionary<string, int> units, string? defaultPassword)
    {
        var numbers = records.Select(r => r.Number).ToList();
        var stored = await db.Set<PartyMember>().Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, StringComparer.OrdinalIgnoreCase);
        var created = 0;
        foreach (var record in records)
        {
            if (!stored.TryGetValue(record.Number, out var member))
            {
                member = new PartyMember { Number = record.Number };
                db.Add(member);
                created++;
            }

            member.Name = record.Name;
            member.Gender = record.Gender ?? member.Gender;
            member.BranchId = record.BranchId;
            member.GroupId = record.GroupId;
            member.JoinedOn = record.JoinedOn ?? member.JoinedOn;
            member.PartyPost = record.PartyPost;
            member.IsLeadingCadre = record.IsLeadingCadre;
            member.CadrePost = record.CadrePost;
            member.UnitId = record.UnitName is null ? member.UnitId : units[record.UnitName];
            member.Subject = record.Subject ?? member.Subject;
            member.ResponsibilityArea = record.ResponsibilityArea ?? member.ResponsibilityArea;
            member.Active = true;
            if (record.Phone is not null && protector.Reveal(member.Phone) != record.Phone)
            {
                member.Phone = protector.Protect(record.Phone);
            }

            if (record.UserName is not null)
            {
                member.UserName = await LinkAccountAsync(record, record.Password ?? defaultPassword);
            }
        }

        return created;
    }

    /// <summary>Saves what a chunk staged and lets go of it, when the caller's transaction keeps the import whole.</summary>
    private async Task FlushAsync()
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Links an existing account, or creates one (role Member; without a password it cannot sign in yet).</summary>
    private async Task<string> LinkAccountAsync(MemberRecord record, string? password)
    {
        var user = await users.FindByNameAsync(record.UserName!);
        if (user is not null)
        {
            return user.UserName!;
        }

        // Accounts need a unique address; one of the reserved .invalid domain never reaches anybody until the
        // member sets their own.
        user = new LiaisonUser
        {
            UserName = record.UserName,
            DisplayName = record.Name,
            Email = record.Email ?? record.UserName + "@members.invalid",
            EmailConfirmed = record.Email is not null,
        };
        var result = string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, RoleNames.Member);
        }

        return result.Succeeded
            ? user.UserName!
            : throw new RosterImportException(record.Row, S["the account {0} could not be created: {1}", record.UserName!, string.Join(" ", result.Errors.Select(e => e.Description))]);
    }

    private async Task<(int, int)> ApplyPersonsAsync(List<PersonRecord> records, Dictionary<string, int> units)
    {
        var created = 0;
        foreach (var chunk in records.Chunk(ChunkSize))
        {
            created += await ApplyPersonsAsync(chunk, units);
            await FlushAsync();
        }

        return (created, records.Count - created);
    }

    private async Task<int> ApplyPersonsAsync(PersonRecord[] records, Dictionary<string, int> units)
    {
        var numbers = records.Select(r => r.Number).Distinct().ToList();
        var stored = (await db.Set<MassPerson>().Where(p => numbers.Contains(p.Number)).ToListAsync())
            .ToDictionary(p => (p.Kind, p.Number.ToUpperInvariant()));
        var created = 0;
        foreach (var record in records)
        {
            if (!stored.TryGetValue((record.Kind, record.Number), out var person))
            {
                person = new MassPerson { Kind = record.Kind, Number = record.Number };
                db.Add(person);
                created++;
            }

            person.Name = record.Name;
            person.Gender = record.Gender ?? person.Gender;
            person.BranchId = record.BranchId ?? person.BranchId;
            person.UnitId = record.UnitName is null ? person.UnitId : units[record.UnitName];
            person.Post = record.Post ?? person.Post;
            person.Subject = record.Subject ?? person.Subject;
            person.Grade = record.Grade ?? person.Grade;
            person.ClassName = record.ClassName ?? person.ClassName;
            person.Active = true;
            if (record.Phone is not null && protector.Reveal(person.Phone) != record.Phone)
            {
                person.Phone = protector.Protect(record.Phone);
            }

            if (record.IdNumber is not null && protector.Reveal(person.IdNumber) != record.IdNumber)
            {
                person.IdNumber = protector.Protect(record.IdNumber);
            }
        }

        return created;
    }
}

using Liaison.Organization.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Organization.Contracts;

/// <summary>
/// How another module's table refers to a member or a person: a real foreign key, but one that restricts deletes
/// (never cascades across modules). The roster deactivates a record that is referenced instead of deleting it, so
/// register an <see cref="IRosterReferences"/> for every table that uses these.
/// </summary>
public static class RosterForeignKeys
{
    /// <summary><paramref name="property"/> holds a member's id (<see cref="RosterMember.Id"/>).</summary>
    public static void ReferencesMember(this EntityTypeBuilder entity, string property)
        => entity.HasOne(typeof(PartyMember)).WithMany().HasForeignKey(property).OnDelete(DeleteBehavior.Restrict);

    /// <summary><paramref name="property"/> holds a person's id (<see cref="RosterPerson.Id"/>).</summary>
    public static void ReferencesPerson(this EntityTypeBuilder entity, string property)
        => entity.HasOne(typeof(MassPerson)).WithMany().HasForeignKey(property).OnDelete(DeleteBehavior.Restrict);
}

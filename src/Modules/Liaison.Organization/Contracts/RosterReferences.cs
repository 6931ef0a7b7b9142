using System.Linq.Expressions;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Organization.Contracts;

/// <summary>
/// Whether a roster record is referenced somewhere (contact points, visits, contacts, pairs …), in which case it is
/// deactivated instead of deleted. Modules that reference members or persons register one of these, for a table
/// usually with <see cref="RosterReferenceServiceCollectionExtensions.AddRosterReferences{T}"/>.
/// </summary>
public interface IRosterReferences
{
    Task<bool> IsMemberReferencedAsync(int memberId);

    Task<bool> IsPersonReferencedAsync(int personId);
}

public static class RosterReferenceServiceCollectionExtensions
{
    /// <summary>
    /// Rows of <typeparamref name="T"/> keep the member (<paramref name="member"/>) or person (<paramref name="person"/>)
    /// they name; either column may be left out.
    /// <code>services.AddRosterReferences&lt;Pair&gt;(p => p.MemberId, p => p.PersonId);</code>
    /// </summary>
    public static IServiceCollection AddRosterReferences<T>(
        this IServiceCollection services, Expression<Func<T, int>>? member, Expression<Func<T, int>>? person = null)
        where T : class
        => services.AddScoped<IRosterReferences>(sp => new RosterReferenceColumns<T>(sp.GetRequiredService<LiaisonDbContext>(), member, person));
}

internal sealed class RosterReferenceColumns<T>(LiaisonDbContext db, Expression<Func<T, int>>? member, Expression<Func<T, int>>? person)
    : IRosterReferences where T : class
{
    public Task<bool> IsMemberReferencedAsync(int memberId) => AnyAsync(member, memberId);

    public Task<bool> IsPersonReferencedAsync(int personId) => AnyAsync(person, personId);

    private Task<bool> AnyAsync(Expression<Func<T, int>>? column, int id)
    {
        if (column is null)
        {
            return Task.FromResult(false);
        }

        // The id as a captured value, so that it is sent as a parameter and the query plan is reused.
        Expression<Func<int>> value = () => id;
        var equals = Expression.Lambda<Func<T, bool>>(Expression.Equal(column.Body, value.Body), column.Parameters);
        return db.Set<T>().AnyAsync(equals);
    }
}

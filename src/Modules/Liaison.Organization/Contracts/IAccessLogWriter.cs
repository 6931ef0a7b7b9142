using System.Security.Claims;

namespace Liaison.Organization.Contracts;

/// <summary>
/// The one writer of the personal-data access log: stages one row in the request's unit of work; the caller saves it
/// together with (or right before) showing the data, so a look nobody logged cannot happen. Actions: <see cref="AccessActions"/>.
/// </summary>
public interface IAccessLogWriter
{
    void Add(ClaimsPrincipal user, string action, int? personId = null, string? personName = null,
        string? branchId = null, int? category = null, string? contentItemId = null, string? detail = null);
}

using System.Security.Claims;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;

namespace Liaison.Organization.AccessLog;

/// <summary>
/// Stages one access-log row in the request's DbContext; the caller saves it together with (or right before)
/// showing the data, so a look nobody logged cannot happen.
/// </summary>
internal sealed class AccessLogWriter(LiaisonDbContext db, TimeProvider clock) : IAccessLogWriter
{
    public void Add(ClaimsPrincipal user, string action, int? personId = null, string? personName = null,
        string? branchId = null, int? category = null, string? contentItemId = null, string? detail = null)
        => db.Add(new PersonalDataAccess
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            UserName = user.Identity?.Name ?? "",
            Action = action,
            PersonId = personId,
            PersonName = personName,
            BranchId = branchId,
            Category = category,
            ContentItemId = contentItemId,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        });
}

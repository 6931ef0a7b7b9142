using Liaison.Contents.Security;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace LiaisonSite.Tests.Security;

/// <summary>
/// Who may use an endpoint, read from what the endpoint declares: [AllowAnonymous]; the permissions of its
/// [Admin]/[RequirePermission] policies (all of them); [Authorize]/RequireAuthorization() without a policy (anyone
/// signed in); and [AuthorizeContent(operation)], decided for an item the caller does not own (a route with an id)
/// or for their own (no id). Anything else that could refuse a caller is "unclassified": the matrix fails until a
/// rule for it is written here.
/// </summary>
internal sealed record EndpointRule(bool Anonymous, bool Authenticated, IReadOnlyList<string> Permissions, ContentOperation? Content, bool OwnItem)
{
    /// <summary>Filters of our own modules that are known not to decide who may call (or that are decided above).</summary>
    private static readonly HashSet<string> s_knownFilters =
    [
        typeof(AuthorizeContentAttribute).FullName!,
        "Liaison.Media.Endpoints.MediaUploadLimitAttribute", // a request-size limit
        "Liaison.Contacts.MyWork.MemberLandingFilter", // sends members from /admin to their own work
    ];

    public static EndpointRule Classify(RouteEndpoint endpoint, out string? unclassified)
    {
        unclassified = null;
        var metadata = endpoint.Metadata;
        var ownFilters = metadata.OfType<IFilterMetadata>()
            .Select(f => f.GetType().FullName!)
            .Where(n => n.StartsWith("Liaison", StringComparison.Ordinal) && !s_knownFilters.Contains(n))
            .ToList();
        if (ownFilters.Count > 0)
        {
            unclassified = "filter " + string.Join(", ", ownFilters);
        }

        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return new EndpointRule(true, false, [], null, false);
        }

        var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0)
        {
            unclassified = "no [Authorize]/[Admin]/[RequirePermission]/[AllowAnonymous]";
        }

        var permissions = new List<string>();
        foreach (var data in authorize)
        {
            if (!string.IsNullOrEmpty(data.Roles) || !string.IsNullOrEmpty(data.AuthenticationSchemes))
            {
                unclassified = $"roles or schemes in [Authorize] ({data.Roles}{data.AuthenticationSchemes})";
            }
            else if (data.Policy is { } policy)
            {
                if (policy.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
                {
                    permissions.Add(policy[Permission.PolicyPrefix.Length..]);
                }
                else
                {
                    unclassified = $"policy '{policy}'";
                }
            }
        }

        var content = metadata.GetMetadata<AuthorizeContentAttribute>()?.Operation;
        var own = !endpoint.RoutePattern.Parameters.Any(p => p.Name == "id");
        return new EndpointRule(false, true, permissions.Distinct().ToList(), content, own);
    }

    /// <summary>Whether the rule lets in a caller holding <paramref name="granted"/> (null: not signed in).</summary>
    public bool Allows(IReadOnlySet<string>? granted)
    {
        if (Anonymous)
        {
            return true;
        }

        if (granted is null || !Permissions.All(granted.Contains))
        {
            return false;
        }

        bool Has(string name) => granted.Contains(name);
        bool May(string any) => Has(any) || (OwnItem && Has(any + "Own"));
        return Content switch
        {
            null => true,

            // The documented content rights: "X" for every item, "XOwn" for one's own (Liaison.Contents).
            ContentOperation.View => Has("Contents.ViewAll") || May("Contents.Edit"),
            ContentOperation.Edit => May("Contents.Edit"),
            ContentOperation.Publish => May("Contents.Edit") && May("Contents.Publish"),
            ContentOperation.Delete => May("Contents.Delete"),
            ContentOperation.Preview => Has("Contents.Preview") && (OwnItem || Has("Contents.ViewAll") || Has("Contents.Edit")),
            _ => false,
        };
    }
}

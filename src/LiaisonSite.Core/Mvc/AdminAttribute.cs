using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LiaisonSite.Core.Mvc;

/// <summary>
/// Marks an admin controller: it needs the "Admin.Access" permission and renders in the admin theme's layout.
/// Each action adds its own permission with <see cref="RequirePermissionAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminAttribute() : AuthorizeAttribute(Permission.PolicyPrefix + AccessAdminPermission)
{
    public const string AccessAdminPermission = "Admin.Access";
}

/// <summary>Tells the views of an <see cref="AdminAttribute"/> endpoint to use the admin layout.</summary>
internal sealed class AdminLayoutFilter : IActionFilter
{
    public const string ItemKey = "Liaison.IsAdmin";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<AdminAttribute>().Any())
        {
            context.HttpContext.Items[ItemKey] = true;
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

public static class AdminHttpContextExtensions
{
    public static bool IsAdmin(this HttpContext context) => context.Items.ContainsKey(AdminLayoutFilter.ItemKey);
}

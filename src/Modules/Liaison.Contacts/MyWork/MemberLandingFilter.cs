using System.Security.Claims;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Liaison.Contacts.MyWork;

/// <summary>
/// Members whose only role is Member land on 我的联系工作 instead of the dashboard, which is about content they
/// rarely manage. <c>/admin?dashboard=1</c> still opens the dashboard.
/// </summary>
internal sealed class MemberLandingFilter : IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var user = context.HttpContext.User;
        if (HttpMethods.IsGet(request.Method)
            && request.Path.Equals("/admin", StringComparison.OrdinalIgnoreCase)
            && !request.Query.ContainsKey("dashboard")
            && IsOnlyMember(user))
        {
            context.Result = new RedirectResult("/admin/my-work");
            return Task.CompletedTask;
        }

        return next();
    }

    private static bool IsOnlyMember(ClaimsPrincipal user)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        return user.Identity?.IsAuthenticated == true && roles.Count > 0 && roles.All(r => r == RoleNames.Member);
    }
}

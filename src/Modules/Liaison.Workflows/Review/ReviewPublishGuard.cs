using Liaison.Workflows.Activities;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Review;

/// <summary>
/// Refuses a person's direct publish of a type under review when the site setting does not allow it: the author saves
/// a draft (which starts the review) and the workflow publishes what a decider approves. Work without a signed-in
/// person (setup, recipes run from the command line, the workflow itself, events) is not a person's publish.
/// </summary>
internal sealed class ReviewPublishGuard(
    IHttpContextAccessor http, WorkflowPublishScope scope, ReviewedTypes reviewed, IDocumentStore documents,
    IPermissionService permissions, IStringLocalizer<ReviewPublishGuard> S) : IContentHandler
{
    public async Task PublishingAsync(ContentContext context)
    {
        var user = http.HttpContext?.User;
        if (scope.Active || user?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (!(await reviewed.GetAsync()).Contains(context.ContentItem.ContentType)
            || (await ReviewedTypes.SettingsAsync(documents)).AllowDirectPublishing
            || await permissions.HasPermissionAsync(user, Permissions.PublishWithoutReview))
        {
            return;
        }

        throw new ContentValidationException(
            [new(S["This content is published after review: save it as a draft and it goes to the reviewers."])]);
    }
}

using Liaison.Workflows.Activities;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using LiaisonSite.Core.Data;

namespace Liaison.Workflows.Review;

/// <summary>The site setting of the editorial review: may editors still publish reviewed types directly?</summary>
public sealed class ReviewSettings
{
    public const string DocumentKey = "WorkflowReviewSettings";

    /// <summary>
    /// True (the default, and what sites had before workflows): whoever may publish an item publishes it. False: a
    /// reviewed type is published only by its workflow or by holders of Workflows.PublishWithoutReview.
    /// </summary>
    public bool AllowDirectPublishing { get; set; } = true;
}

/// <summary>The types under review: those an enabled workflow starts on a draft save of and sends to a user task.</summary>
// Reads the types itself: the content manager's handlers (this guard among them) must not need the workflow manager,
// which needs the content manager.
internal sealed class ReviewedTypes(LiaisonDbContext db)
{
    private IReadOnlySet<string>? _types;

    public async Task<IReadOnlySet<string>> GetAsync()
    {
        if (_types is not null)
        {
            return _types;
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        var rows = await db.Set<WorkflowTypeRecord>().AsNoTracking().Where(t => t.IsEnabled).Select(t => t.Definition).ToListAsync();
        foreach (var type in rows.Select(WorkflowTypeDefinition.FromJson))
        {
            if (!type.Activities.Any(a => a.Name == UserTaskEvent.ActivityName))
            {
                continue;
            }

            foreach (var start in type.Activities.Where(a => a.IsStart && a.Name == ContentEventActivity.DraftSaved))
            {
                types.UnionWith(start.List("ContentTypes"));
            }
        }

        return _types = types;
    }

    public static Task<ReviewSettings> SettingsAsync(IDocumentStore documents) => documents.GetAsync<ReviewSettings>(ReviewSettings.DocumentKey);
}

using Liaison.Workflows.Activities;
using Liaison.Workflows.Engine;
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
internal sealed class ReviewedTypes(WorkflowManager workflows)
{
    private IReadOnlySet<string>? _types;

    public async Task<IReadOnlySet<string>> GetAsync()
    {
        if (_types is not null)
        {
            return _types;
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in (await workflows.EnabledTypesAsync()).Values)
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

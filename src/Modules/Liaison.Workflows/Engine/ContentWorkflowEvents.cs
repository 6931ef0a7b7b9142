using Liaison.Workflows.Activities;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Events;

namespace Liaison.Workflows.Engine;

/// <summary>
/// The kernel's content events, delivered after commit, become workflow events correlated with the item. What the
/// workflows stage is saved by the dispatcher with the "handled" record, so an event resumes an instance once.
/// </summary>
internal sealed class ContentWorkflowEvents(WorkflowManager workflows, IContentManager contentManager)
    : IDomainEventHandler<ContentCreated>, IDomainEventHandler<ContentUpdated>, IDomainEventHandler<ContentPublished>,
      IDomainEventHandler<ContentUnpublished>, IDomainEventHandler<ContentRemoved>, IDomainEventHandler<FormSubmitted>,
      IDomainEventHandler<Contracts.ContentSignalled>
{
    public async Task HandleAsync(ContentCreated e, DomainEventContext context, CancellationToken cancellationToken)
    {
        await TriggerAsync(ContentEventActivity.Created, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);
        await DraftSavedAsync(e.ContentItemId, e.ContentItemVersionId, e.ContentType, e.UserName, cancellationToken);
    }

    public async Task HandleAsync(ContentUpdated e, DomainEventContext context, CancellationToken cancellationToken)
    {
        await TriggerAsync(ContentEventActivity.Updated, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);
        await DraftSavedAsync(e.ContentItemId, e.ContentItemVersionId, e.ContentType, e.UserName, cancellationToken);
    }

    public Task HandleAsync(ContentPublished e, DomainEventContext context, CancellationToken cancellationToken)
        => TriggerAsync(ContentEventActivity.Published, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);

    public Task HandleAsync(ContentUnpublished e, DomainEventContext context, CancellationToken cancellationToken)
        => TriggerAsync(ContentEventActivity.Unpublished, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);

    public async Task HandleAsync(ContentRemoved e, DomainEventContext context, CancellationToken cancellationToken)
    {
        await TriggerAsync(ContentEventActivity.Deleted, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);
        await workflows.CancelAsync(e.ContentItemId, e.UserName, cancellationToken);
    }

    public Task HandleAsync(FormSubmitted e, DomainEventContext context, CancellationToken cancellationToken)
        => TriggerAsync(ContentEventActivity.FormSubmitted, e.ContentItemId, e.ContentType, e.UserName, cancellationToken);

    public Task HandleAsync(Contracts.ContentSignalled e, DomainEventContext context, CancellationToken cancellationToken)
        => workflows.TriggerAsync(
            new WorkflowEvent(SignalEvent.ActivityName, e.ContentItemId, new Dictionary<string, string?>
            {
                [SignalEvent.SignalInput] = e.Signal,
                [ContentEventActivity.ContentTypeInput] = e.ContentType,
            }, e.UserName),
            cancellationToken);

    // A draft save: the saved version is still the latest and was not published with the save.
    private async Task DraftSavedAsync(string id, string versionId, string type, string? user, CancellationToken cancellationToken)
    {
        if (!await workflows.ListensAsync(Event(ContentEventActivity.DraftSaved, id, type, user), cancellationToken))
        {
            return;
        }

        var version = await contentManager.GetVersionAsync(versionId);
        if (version is { Latest: true, Published: false })
        {
            await TriggerAsync(ContentEventActivity.DraftSaved, id, type, user, cancellationToken);
        }
    }

    private Task TriggerAsync(string name, string id, string type, string? user, CancellationToken cancellationToken)
        => workflows.TriggerAsync(Event(name, id, type, user), cancellationToken);

    private static WorkflowEvent Event(string name, string id, string type, string? user)
        => new(name, id, new Dictionary<string, string?> { [ContentEventActivity.ContentTypeInput] = type }, user);
}

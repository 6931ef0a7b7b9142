using LiaisonSite.Core.Events;

namespace LiaisonSite.Core.ContentManagement;

// The content lifecycle as domain events, raised by the content manager in the unit of work of the change and
// delivered after commit (workflows start on them). Ids and names only: read the item if you need more.

/// <summary>A new item was created (as a draft, or published right after: then <see cref="ContentPublished"/> follows).</summary>
[DomainEvent("Content.Created")]
public sealed record ContentCreated(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

/// <summary>A version was saved (a draft, or a type without drafts edited in place).</summary>
[DomainEvent("Content.Updated")]
public sealed record ContentUpdated(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

[DomainEvent("Content.Published")]
public sealed record ContentPublished(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

[DomainEvent("Content.Unpublished")]
public sealed record ContentUnpublished(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

[DomainEvent("Content.Removed")]
public sealed record ContentRemoved(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

/// <summary>
/// An item was created by a submission of a form (Liaison.Forms: a type with FormPart): workflows' "form submitted".
/// <see cref="UserName"/> is empty for an anonymous submission of a public form.
/// </summary>
[DomainEvent("Content.FormSubmitted")]
public sealed record FormSubmitted(string ContentItemId, string ContentItemVersionId, string ContentType, string UserName) : IDomainEvent;

using Microsoft.AspNetCore.Authorization;

namespace Liaison.Contents.Security;

/// <summary>What a caller wants to do with a content item.</summary>
public enum ContentOperation
{
    View,
    Edit,
    Publish,
    Delete,
    Preview,
}

/// <summary>
/// A resource requirement: authorize it against a <see cref="LiaisonSite.Core.ContentManagement.ContentItem"/>
/// (the owner matters), or with no resource to ask "may the caller do this to at least their own items".
/// </summary>
public sealed class ContentOperationRequirement(ContentOperation operation) : IAuthorizationRequirement
{
    public ContentOperation Operation { get; } = operation;

    public static ContentOperationRequirement For(ContentOperation operation) => s_requirements[(int)operation];

    private static readonly ContentOperationRequirement[] s_requirements =
        [.. Enum.GetValues<ContentOperation>().Select(o => new ContentOperationRequirement(o))];
}

using LiaisonSite.Core.ContentManagement;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Parts;

/// <summary>The rules of a notice, shared by the editor, the API and recipes.</summary>
internal sealed class PublicNoticePartHandler(IStringLocalizer<PublicNoticePartHandler> S) : IContentHandler
{
    public Task ValidatingAsync(ValidateContentContext context)
    {
        if (!context.ContentItem.Has<PublicNoticePart>())
        {
            return Task.CompletedTask;
        }

        var part = context.ContentItem.As<PublicNoticePart>();
        const string prefix = nameof(PublicNoticePart);
        if (string.IsNullOrWhiteSpace(part.Kind) || !NoticeKinds.All.Contains(part.Kind))
        {
            context.Errors.Add(new(S["Choose the kind of notice."], $"{prefix}.Kind"));
        }

        if (part.StartUtc is null)
        {
            context.Errors.Add(new(S["The start of the notice period is required."], $"{prefix}.StartUtc"));
        }

        if (part.EndUtc is null)
        {
            context.Errors.Add(new(S["The end of the notice period is required."], $"{prefix}.EndUtc"));
        }
        else if (part.StartUtc is { } start && part.EndUtc <= start)
        {
            context.Errors.Add(new(S["The notice period must end after it starts."], $"{prefix}.EndUtc"));
        }

        if (part.Branch is { Length: > 26 })
        {
            context.Errors.Add(new(S["Choose a party branch from the list."], $"{prefix}.Branch"));
        }

        return Task.CompletedTask;
    }
}

using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.HtmlBody;
using Liaison.ContentParts.Title;
using Liaison.Notices.Contracts;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Notices.Publishing;

/// <summary>Creates a published PublicNotice through the content manager (handlers, validation, index, search).</summary>
internal sealed class PublicNoticeWriter(IContentManager contents) : IPublicNoticeWriter
{
    public const string ContentType = "PublicNotice";

    public async Task<string> PublishAsync(PublicNoticeDraft notice, CancellationToken cancellationToken = default)
    {
        var item = await contents.NewAsync(ContentType);
        item.DisplayText = notice.Title;
        item.Owner = notice.Owner ?? item.Owner;
        item.Author = notice.Owner ?? item.Author;
        item.Apply(new TitlePart { Title = notice.Title });
        item.Apply(new AutoroutePart { Path = notice.Path });
        item.Apply(new HtmlBodyPart { Html = notice.Html });
        item.Apply(new PublicNoticePart { Kind = notice.Kind, StartUtc = notice.StartUtc, EndUtc = notice.EndUtc, Branch = notice.BranchId });
        await contents.CreateAsync(item, VersionOptions.Published);
        return item.ContentItemId;
    }
}

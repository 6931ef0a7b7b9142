using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;

namespace Liaison.Talks.Parts;

public sealed record TalkPartDisplayModel(ContentItem Item, TalkPart Part);

public sealed record TalkPartEditModel(string Prefix, TalkPart Part);

/// <summary>The admin editor and the detail display of a talk.</summary>
internal sealed class TalkPartDriver(TalkForm form) : IContentPartDriver
{
    public string PartName => nameof(TalkPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Summary" ? null : new("TalkPart", new TalkPartDisplayModel(context.ContentItem, context.ContentItem.As<TalkPart>()));

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("TalkPart_Edit", new TalkPartEditModel(context.Prefix, context.ContentItem.As<TalkPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<TalkPart>();
        form.Read(context.Form, context.Prefix, part, context.Errors, readMember: true);
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

public sealed record TalkFieldsModel(string Prefix, TalkPart Part, IReadOnlyList<TalkPersonChoice> Persons);

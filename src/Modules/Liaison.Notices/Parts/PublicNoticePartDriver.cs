using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Parts;

public sealed record PublicNoticeDisplayModel(ContentItem Notice, PublicNoticePart Part, NoticePeriod Period);

public static class PublicNoticeEditFormat
{
    /// <summary>What a datetime-local input sends.</summary>
    public const string DateTime = "yyyy-MM-ddTHH:mm";
}

public sealed record BranchChoice(string ContentItemId, string Name);

public sealed record PublicNoticeEditModel(string Prefix, PublicNoticePart Part, IReadOnlyList<BranchChoice> Branches);

/// <summary>Shows the period and state of a notice (with the objection form while open) and edits it in school time.</summary>
internal sealed class PublicNoticePartDriver(ISchoolClock clock, LiaisonDbContext db, IStringLocalizer<PublicNoticePartDriver> S)
    : IContentPartDriver
{
    public string PartName => nameof(PublicNoticePart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var part = context.ContentItem.As<PublicNoticePart>();
        var model = new PublicNoticeDisplayModel(context.ContentItem, part, NoticePeriod.At(part, clock.UtcNow));
        return new(context.DisplayType == "Summary" ? "PublicNoticePart_Summary" : "PublicNoticePart", model);
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
    {
        // A handful of branches; the editor contract is synchronous.
        var branches = db.ContentItems
            .Where(c => c.ContentType == "PartyBranch" && c.Published)
            .OrderBy(c => c.Id)
            .Select(c => new BranchChoice(c.ContentItemId, c.DisplayText))
            .ToList();
        return new("PublicNoticePart_Edit", new PublicNoticeEditModel(context.Prefix, context.ContentItem.As<PublicNoticePart>(), branches));
    }

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<PublicNoticePart>();
        part.Kind = context.Form[$"{context.Prefix}.Kind"].ToString().Trim();
        part.StartUtc = ReadSchoolTime(context, "StartUtc");
        part.EndUtc = ReadSchoolTime(context, "EndUtc");
        var branch = context.Form[$"{context.Prefix}.Branch"].ToString().Trim();
        part.Branch = branch.Length == 0 ? null : branch;
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }

    private DateTime? ReadSchoolTime(PartUpdateContext context, string property)
    {
        var text = context.Form[$"{context.Prefix}.{property}"].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, [PublicNoticeEditFormat.DateTime, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            return clock.ToUtc(local);
        }

        context.Errors.Add(new(S["Enter a date and time such as 2026-11-20 08:00."], $"{context.Prefix}.{property}"));
        return null;
    }
}

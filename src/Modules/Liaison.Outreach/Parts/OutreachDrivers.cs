using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Http;

namespace Liaison.Outreach.Parts;

public sealed record ForumEditModel(string Prefix, ForumPart Part);

public sealed record ReceptionDayEditModel(string Prefix, ReceptionDayPart Part);

public sealed record OutreachDisplayModel(ContentItem Item, int MemberId, IReadOnlyList<OutreachItem> Items, object Part);

/// <summary>Reads the fields both editors share; an unreadable number or date is left for validation to report.</summary>
internal static class OutreachForm
{
    public static string? Text(IFormCollection form, string key) => form[key].ToString().Trim() is { Length: > 0 } t ? t : null;

    public static int Int(IFormCollection form, string key)
        => int.TryParse(form[key].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    public static DateOnly? Date(IFormCollection form, string key)
        => DateOnly.TryParseExact(form[key].ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1900 and <= 2999 ? d : null;

    public static void AddItem(IFormCollection form, string prefix, List<OutreachItem> items, int memberId)
    {
        if (Text(form, $"{prefix}.NewItem") is { } text)
        {
            items.Add(new OutreachItem { Text = text, OwnerMemberId = memberId > 0 ? memberId : null, DueDate = Date(form, $"{prefix}.NewItemDue") });
        }
    }
}

internal sealed class ForumPartDriver : IContentPartDriver
{
    public string PartName => nameof(ForumPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var part = context.ContentItem.As<ForumPart>();
        return context.DisplayType == "Summary" ? null : new("OutreachPart", new OutreachDisplayModel(context.ContentItem, part.HostMemberId, part.Opinions, part));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("ForumPart_Edit", new ForumEditModel(context.Prefix, context.ContentItem.As<ForumPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var (form, p) = (context.Form, context.Prefix);
        var part = context.ContentItem.As<ForumPart>();
        part.Kind = OutreachForm.Int(form, $"{p}.Kind");
        part.Date = OutreachForm.Date(form, $"{p}.Date");
        part.HostMemberId = OutreachForm.Int(form, $"{p}.HostMemberId");
        part.Topics = OutreachForm.Text(form, $"{p}.Topics");
        part.Minutes = OutreachForm.Text(form, $"{p}.Minutes");
        OutreachForm.AddItem(form, p, part.Opinions, part.HostMemberId);
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

internal sealed class ReceptionDayPartDriver : IContentPartDriver
{
    public string PartName => nameof(ReceptionDayPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var part = context.ContentItem.As<ReceptionDayPart>();
        return context.DisplayType == "Summary" ? null : new("OutreachPart", new OutreachDisplayModel(context.ContentItem, part.CadreMemberId, part.Concerns, part));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("ReceptionDayPart_Edit", new ReceptionDayEditModel(context.Prefix, context.ContentItem.As<ReceptionDayPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var (form, p) = (context.Form, context.Prefix);
        var part = context.ContentItem.As<ReceptionDayPart>();
        part.CadreMemberId = OutreachForm.Int(form, $"{p}.CadreMemberId");
        part.Date = OutreachForm.Date(form, $"{p}.Date");
        part.StartTime = OutreachForm.Text(form, $"{p}.StartTime");
        part.EndTime = OutreachForm.Text(form, $"{p}.EndTime");
        part.Place = OutreachForm.Text(form, $"{p}.Place");
        OutreachForm.AddItem(form, p, part.Concerns, part.CadreMemberId);
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

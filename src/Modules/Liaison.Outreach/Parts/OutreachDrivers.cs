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

    /// <summary>The ids chosen in a multiple select, each once; an unreadable one is left out.</summary>
    public static List<int> Ids(IFormCollection form, string key)
        => [.. form[key].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct()];

    public static void AddItem(IFormCollection form, string prefix, List<OutreachItem> items, int memberId)
    {
        if (Text(form, $"{prefix}.NewItem") is { } text)
        {
            items.Add(new OutreachItem { Text = text, OwnerMemberId = memberId > 0 ? memberId : null, DueDate = Date(form, $"{prefix}.NewItemDue") });
        }
    }
}

/// <summary>
/// A forum's or a reception day's part: the same display (the item with its opinions or concerns, owned by the host or
/// the cadre) and the same editor round trip; each part reads its own fields.
/// </summary>
internal abstract class OutreachPartDriver<TPart> : IContentPartDriver where TPart : ContentPart, IOutreachRecord, new()
{
    public string PartName => typeof(TPart).Name;

    protected abstract object EditModel(string prefix, TPart part);

    protected abstract void Read(IFormCollection form, string prefix, TPart part);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var part = context.ContentItem.As<TPart>();
        return context.DisplayType == "Summary" ? null
            : new("OutreachPart", new OutreachDisplayModel(context.ContentItem, part.HolderMemberId, part.Items, part));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new($"{PartName}_Edit", EditModel(context.Prefix, context.ContentItem.As<TPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<TPart>();
        Read(context.Form, context.Prefix, part);
        OutreachForm.AddItem(context.Form, context.Prefix, part.Items, part.HolderMemberId);
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

internal sealed class ForumPartDriver : OutreachPartDriver<ForumPart>
{
    protected override object EditModel(string prefix, ForumPart part) => new ForumEditModel(prefix, part);

    protected override void Read(IFormCollection form, string p, ForumPart part)
    {
        part.Kind = OutreachForm.Int(form, $"{p}.Kind");
        part.Date = OutreachForm.Date(form, $"{p}.Date");
        part.HostMemberId = OutreachForm.Int(form, $"{p}.HostMemberId");
        part.Topics = OutreachForm.Text(form, $"{p}.Topics");
        part.Minutes = OutreachForm.Text(form, $"{p}.Minutes");
        part.AttendingMemberIds = OutreachForm.Ids(form, $"{p}.AttendingMemberIds");
        part.AttendingPersonIds = OutreachForm.Ids(form, $"{p}.AttendingPersonIds");
    }
}

internal sealed class ReceptionDayPartDriver : OutreachPartDriver<ReceptionDayPart>
{
    protected override object EditModel(string prefix, ReceptionDayPart part) => new ReceptionDayEditModel(prefix, part);

    protected override void Read(IFormCollection form, string p, ReceptionDayPart part)
    {
        part.CadreMemberId = OutreachForm.Int(form, $"{p}.CadreMemberId");
        part.Date = OutreachForm.Date(form, $"{p}.Date");
        part.StartTime = OutreachForm.Text(form, $"{p}.StartTime");
        part.EndTime = OutreachForm.Text(form, $"{p}.EndTime");
        part.Place = OutreachForm.Text(form, $"{p}.Place");
    }
}

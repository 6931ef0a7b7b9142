using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.Contacts.Parts;

public sealed record ContactPartDisplayModel(ContentItem Item, ContactPart Part);

public sealed record ContactPartEditModel(string Prefix, ContactPart Part);

/// <summary>
/// The editor (member, person, category with its aim, dates, notes) and the detail display of an assignment. The
/// choices and names are loaded by the views through <see cref="ContactChoices"/>, which is asynchronous.
/// </summary>
internal sealed class ContactPartDriver(IStringLocalizer<ContactPartDriver> S) : IContentPartDriver
{
    public const string DateFormat = "yyyy-MM-dd";

    public string PartName => nameof(ContactPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Summary" ? null : new("ContactPart", new ContactPartDisplayModel(context.ContentItem, context.ContentItem.As<ContactPart>()));

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("ContactPart_Edit", new ContactPartEditModel(context.Prefix, context.ContentItem.As<ContactPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<ContactPart>();
        part.MemberId = ReadInt(context, "MemberId");
        part.PersonId = ReadInt(context, "PersonId");
        part.Category = ReadInt(context, "Category");
        part.StartDate = ReadDate(context, "StartDate");
        part.EndDate = ReadDate(context, "EndDate");
        var notes = context.Form[$"{context.Prefix}.Notes"].ToString().Trim();
        part.Notes = notes.Length == 0 ? null : notes;
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }

    // An empty or unreadable choice is 0, which the handler reports as "choose …".
    private static int ReadInt(PartUpdateContext context, string property)
        => int.TryParse(context.Form[$"{context.Prefix}.{property}"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private DateOnly? ReadDate(PartUpdateContext context, string property)
    {
        var text = context.Form[$"{context.Prefix}.{property}"].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        context.Errors.Add(new(S["Enter a date such as 2026-09-01."], $"{context.Prefix}.{property}"));
        return null;
    }
}

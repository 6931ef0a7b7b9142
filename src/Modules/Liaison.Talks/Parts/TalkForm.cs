using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Parts;

/// <summary>
/// Reads the talk fields (<c>{prefix}.PersonId</c>, <c>.Date</c>, <c>.Occasion</c>, <c>.Topics</c>, …, one new
/// follow-up as <c>.NewFollowUp</c> + <c>.NewFollowUpDue</c>) from a form: the admin editor and the short form of
/// 我的联系工作 post the same names.
/// </summary>
public sealed class TalkForm(IStringLocalizer<TalkForm> S)
{
    public const string DateFormat = "yyyy-MM-dd";

    public void Read(IFormCollection form, string prefix, TalkPart part, List<ContentValidationError> errors, bool readMember)
    {
        string Text(string name) => form[$"{prefix}.{name}"].ToString().Trim();
        if (readMember)
        {
            part.MemberId = Int(Text("MemberId"));
        }

        // The picker posts a person's id, or "m:" and a member's id for a talk with a member.
        var partner = Text("PersonId");
        if (partner.StartsWith("m:", StringComparison.Ordinal))
        {
            part.PartnerMemberId = Int(partner[2..]);
            part.PersonId = 0;
        }
        else
        {
            part.PartnerMemberId = null;
            part.PersonId = Int(partner);
        }

        part.Occasion = Int(Text("Occasion"));
        part.Date = Date(Text("Date"), $"{prefix}.Date", errors);
        part.Place = Empty(Text("Place"));
        part.Topics = [.. form[$"{prefix}.Topics"].Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct()];
        part.Summary = Empty(Text("Summary"));
        part.Problems = Empty(Text("Problems"));
        part.HelpPromised = Empty(Text("HelpPromised"));

        var followUp = Text("NewFollowUp");
        if (followUp.Length > 0)
        {
            part.FollowUps.Add(new TalkFollowUp
            {
                Text = followUp, OwnerMemberId = part.MemberId > 0 ? part.MemberId : null,
                DueDate = Date(Text("NewFollowUpDue"), $"{prefix}.NewFollowUpDue", errors),
            });
        }
    }

    private static int Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private DateOnly? Date(string text, string key, List<ContentValidationError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2999)
        {
            return date;
        }

        errors.Add(new(S["Enter a date such as 2026-09-01."], key));
        return null;
    }
}

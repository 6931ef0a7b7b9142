using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.Contents.Security;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Examples;

/// <summary>What starting a typical example gave: the new draft's id, or why not (null and no error: not found).</summary>
public sealed record ExampleStart(string? ContentItemId, string? Error);

/// <summary>
/// R11: from an approved quarterly report, a talk or a forum, a secretary starts a TypicalExample (典型事例) draft
/// pre-filled from it, which the setup recipe's editorial-review workflow then takes (a saved draft of that type
/// starts it). Personal data of contact targets never reaches the draft: the names of everyone on the masses roster,
/// phone numbers, identity-card numbers and e-mail addresses are replaced by ×××, the talk's place is left out, and
/// only the member (a Party member, whom the type's "People" field may name) is named. The source is read as content
/// JSON through the content manager and its access rules (View), so no other module's internals are touched.
/// </summary>
internal sealed partial class TypicalExampleStarter(
    IContentManager contents, IAuthorizationService authorization, IRosterQueries roster, LiaisonDbContext db,
    IStringLocalizer<TypicalExampleStarter> S)
{
    public const string ExampleType = "TypicalExample";
    public const string Mask = "×××";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["report"] = Security.ReportAccessScope.ContentType,
        ["talk"] = "Talk",
        ["forum"] = "Forum",
    };

    public async Task<ExampleStart> StartAsync(ClaimsPrincipal user, string? source, string? id)
    {
        if (source is null || !Sources.TryGetValue(source, out var type) || string.IsNullOrEmpty(id)
            || await contents.GetAsync(id, type == Security.ReportAccessScope.ContentType ? VersionOptions.Published : VersionOptions.Latest) is not { } item
            || item.ContentType != type
            || !(await authorization.AuthorizeAsync(user, item, ContentOperationRequirement.For(ContentOperation.View))).Succeeded)
        {
            return new(null, null); // an approved report only; anything not visible is not found
        }

        var (title, memberId, branchId, paragraphs) = Read(item);
        var member = await roster.Members().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync();
        var scrub = await ScrubberAsync();
        var text = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => scrub(p!.Trim())).ToList();
        if (text.Count == 0)
        {
            return new(null, S["There is nothing to start a typical example from."]);
        }

        var summary = text[0].Length > 120 ? text[0][..120] + "…" : text[0];
        var example = await contents.NewAsync(ExampleType);
        example.Content["TitlePart"] = new JsonObject { ["Title"] = scrub(title) };
        example.Content["TypicalExample"] = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = summary },
            ["Branch"] = new JsonObject { ["ContentItemIds"] = branchId is null ? new JsonArray() : new JsonArray(branchId) },
            ["People"] = new JsonObject { ["Text"] = member ?? "" },
        };
        var html = new StringBuilder();
        foreach (var p in text)
        {
            html.Append("<p>").Append(HtmlEncoder.Default.Encode(p)).Append("</p>");
        }

        example.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html.ToString() };
        example.DisplayText = scrub(title);
        if (!(await authorization.AuthorizeAsync(user, example, ContentOperationRequirement.For(ContentOperation.Edit))).Succeeded)
        {
            return new(null, S["You may not write typical examples."]);
        }

        try
        {
            await contents.CreateAsync(example, VersionOptions.Draft);
            await db.SaveChangesAsync();
            return new(example.ContentItemId, null);
        }
        catch (ContentValidationException e)
        {
            db.ChangeTracker.Clear();
            return new(null, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
    }

    /// <summary>The source's title, member, branch and texts, from its content JSON.</summary>
    private (string Title, int MemberId, string? BranchId, List<string?> Paragraphs) Read(ContentItem item)
    {
        static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        static int Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        switch (item.ContentType)
        {
            case "Talk":
            {
                var part = item.Content["TalkPart"] as JsonObject ?? [];
                var topics = part["Topics"] is JsonArray a ? string.Join("、", a.Select(Text).Where(t => t is not null)) : "";
                return (S["A heart-to-heart talk"], Number(part["MemberId"]), Text(part["BranchId"]),
                    [topics.Length > 0 ? S["Topics: {0}", topics].Value : null, Text(part["Summary"]), Text(part["Problems"]), Text(part["HelpPromised"])]);
            }

            case "Forum":
            {
                // The topics and the minutes; the opinions collected stay with the forum (they are the masses' own words).
                var part = item.Content["ForumPart"] as JsonObject ?? [];
                return (Text(item.Content["TitlePart"]?["Title"]) ?? S["A forum"], Number(part["HostMemberId"]), Text(part["BranchId"]),
                    [Text(part["Topics"]), Text(part["Minutes"])]);
            }

            default:
            {
                var part = item.Content["QuarterlyReportPart"] as JsonObject ?? [];
                return (S["Liaison work of {0}", Text(part["Quarter"]) ?? ""], Number(part["MemberId"]), Text(part["BranchId"]),
                    [Text(part["Cases"]), Text(part["WorkDone"]), Text(part["Problems"])]);
            }
        }
    }

    /// <summary>Replaces the masses roster's names (longest first), phone, ID-card numbers and e-mail addresses.</summary>
    private async Task<Func<string, string>> ScrubberAsync()
    {
        var names = (await roster.Persons().Select(p => p.Name).Distinct().ToListAsync())
            .Where(n => n.Trim().Length >= 2).Select(n => n.Trim()).OrderByDescending(n => n.Length).ToList();
        return text =>
        {
            foreach (var name in names)
            {
                text = text.Replace(name, Mask, StringComparison.Ordinal);
            }

            return Personal().Replace(text, Mask);
        };
    }

    // E-mail, an 18-digit identity-card number, a mobile (1xx xxxx xxxx) or a fixed-line number (0xx-xxxxxxxx).
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+|\d{17}[\dXx]|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8}")]
    private static partial Regex Personal();
}

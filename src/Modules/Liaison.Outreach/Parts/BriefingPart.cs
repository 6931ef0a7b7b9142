using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Http;

namespace Liaison.Outreach.Parts;

/// <summary>
/// Who a briefing (通报情况, SPEC R8) is for: everyone, on the public site; or staff only, read by signed-in users at the
/// same address, and left out of the anonymous API, the public search, the sitemap and the feeds.
/// </summary>
public sealed class BriefingPart : ContentPart
{
    /// <summary>See <see cref="BriefingAudiences"/>.</summary>
    public string Audience { get; set; } = BriefingAudiences.Public;
}

public static class BriefingAudiences
{
    public const string Public = "Public";
    public const string SignedIn = "SignedIn";

    public static bool IsValid(string? audience) => audience is Public or SignedIn;
}

public sealed record BriefingEditModel(string Prefix, BriefingPart Part);

internal sealed class BriefingPartDriver : IContentPartDriver
{
    public string PartName => nameof(BriefingPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Summary" || context.ContentItem.As<BriefingPart>().Audience != BriefingAudiences.SignedIn
            ? null : new("BriefingPart", context.ContentItem.As<BriefingPart>());

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("BriefingPart_Edit", new BriefingEditModel(context.Prefix, context.ContentItem.As<BriefingPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<BriefingPart>();
        part.Audience = context.Form[$"{context.Prefix}.Audience"].ToString();
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

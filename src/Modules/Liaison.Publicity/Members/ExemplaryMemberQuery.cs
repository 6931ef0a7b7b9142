using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Fields;
using Liaison.Publicity.Listing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Publicity.Members;

/// <summary>A published exemplary member as the public sees them: only the fields meant to be public.</summary>
public sealed record MemberCard(
    string ContentItemId,
    string Name,
    string? Url,
    string? PhotoUrl,
    string PhotoAlt,
    string? Branch,
    string? Post,
    string? Honor,
    bool Featured,
    IReadOnlyList<StoryLink> Stories);

public sealed record StoryLink(string Title, string Url);

/// <summary>
/// Published exemplary members, featured first and then the newest. Only named fields are read from the JSON,
/// so nothing private (user accounts, contacts) can reach the page even if an editor adds such fields later.
/// </summary>
public sealed class ExemplaryMemberQuery(LiaisonDbContext db, IContentRouting routing)
{
    public const int MaxCount = 100;

    public async Task<IReadOnlyList<MemberCard>> ListAsync()
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == PublicTypes.ExemplaryMember && c.Published)
            .OrderByDescending(c => c.PublishedUtc)
            .ThenByDescending(c => c.Id)
            .Take(MaxCount)
            .ToListAsync();

        var branchIds = items.SelectMany(i => Ids(i, "Branch")).Distinct().ToList();
        var storyIds = items.SelectMany(i => Ids(i, "Stories")).Distinct().ToList();
        var branches = await PublishedTitlesAsync(PublicTypes.PartyBranch, branchIds);
        var stories = await PublishedTitlesAsync(PublicTypes.TypicalExample, storyIds);
        var urls = await routing.GetPathsAsync(items.Select(i => i.ContentItemId).Concat(storyIds));

        return [.. items.Select(item => Card(item, branches, stories, urls))
            .OrderByDescending(c => c.Featured)];
    }

    private static MemberCard Card(
        ContentItem item, Dictionary<string, string> branches, Dictionary<string, string> stories, IReadOnlyDictionary<string, string> urls)
    {
        var photo = item.GetField(item.ContentType, "Photo");
        var photoPath = (photo?["Paths"] as JsonArray)?.Select(ContentText.String).FirstOrDefault(IsMediaPath);
        var alt = (photo?["MediaTexts"] as JsonArray)?.Select(ContentText.String).FirstOrDefault() ?? "";
        return new MemberCard(
            item.ContentItemId,
            ContentText.Title(item),
            urls.GetValueOrDefault(item.ContentItemId),
            photoPath is null ? null : MediaField.Url(photoPath),
            string.IsNullOrWhiteSpace(alt) ? ContentText.Title(item) : alt,
            Ids(item, "Branch").Select(id => branches.GetValueOrDefault(id)).FirstOrDefault(n => n is not null),
            ContentText.String(item.GetField(item.ContentType, "Post")?["Text"]),
            ContentText.String(item.GetField(item.ContentType, "Honor")?["Text"]),
            item.GetField(item.ContentType, "Featured")?["Value"]?.GetValueKind() == JsonValueKind.True,
            [.. Ids(item, "Stories")
                .Where(id => stories.ContainsKey(id) && urls.ContainsKey(id))
                .Select(id => new StoryLink(stories[id], urls[id]))]);
    }

    private async Task<Dictionary<string, string>> PublishedTitlesAsync(string contentType, List<string> ids)
        => ids.Count == 0
            ? []
            : await db.ContentItems.AsNoTracking()
                .Where(c => c.ContentType == contentType && c.Published && ids.Contains(c.ContentItemId))
                .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText);

    private static IEnumerable<string> Ids(ContentItem item, string field)
        => (item.GetField(item.ContentType, field)?["ContentItemIds"] as JsonArray ?? [])
            .Select(ContentText.String)
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id!);

    /// <summary>A relative path inside the media library; anything else (a URL, "..") is not shown.</summary>
    private static bool IsMediaPath(string? path)
        => !string.IsNullOrWhiteSpace(path) && !path.Contains(':') && !path.Contains('\\') && path.Split('/').All(s => s != "..");
}

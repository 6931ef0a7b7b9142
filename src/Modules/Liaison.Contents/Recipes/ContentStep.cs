using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Recipes;

/// <summary>
/// The "Content" step: <c>{"name": "Content", "data": [items in the shape of <see cref="ContentItemJson"/>]}</c>.
/// An item is created, or updated by its ContentItemId (a new draft, published when "Published" is not false).
/// An item whose parts already hold the recipe's values is left alone, so running a recipe twice adds no versions.
/// </summary>
internal sealed class ContentStep(
    IContentManager contents,
    IContentTypeResolver types,
    LiaisonDbContext db,
    IHttpContextAccessor httpContextAccessor,
    IStringLocalizer<ContentStep> S) : IRecipeStepHandler
{
    private string? _defaultOwner;

    public string Name => "Content";

    /// <summary>
    /// Items saved and let go of at a time. The recipe's transaction stays open, so the recipe is still all or nothing;
    /// what changes is that the unit of work never holds more than a batch: EF scans every tracked entity whenever
    /// pending changes are looked for (several times per item), which made one big step quadratic (4,000 items took
    /// 239 s, 2,000 took 53 s).
    /// </summary>
    internal const int BatchSize = 100;

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var items = context.Step.GetArray("data");
        for (var i = 0; i < items.Count; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (i > 0 && i % BatchSize == 0 && db.Database.CurrentTransaction is not null)
            {
                await db.SaveChangesAsync(context.CancellationToken);
                db.ChangeTracker.Clear();
            }

            if (items[i] is not JsonObject json)
            {
                throw new RecipeException(S["Item {0} is not a JSON object.", i + 1]);
            }

            var label = json.GetString("ContentItemId") is { Length: > 0 } id
                ? S["Item {0} ({1} '{2}')", i + 1, id, json.GetString("DisplayText") ?? ""]
                : S["Item {0} ('{1}')", i + 1, json.GetString("DisplayText") ?? ""];
            try
            {
                await ImportAsync(json, context);
            }
            catch (ContentValidationException e)
            {
                throw new RecipeException(S["{0}: {1}", label, e.Message], e);
            }
            catch (RecipeException e)
            {
                throw new RecipeException(S["{0}: {1}", label, e.Message], e);
            }
        }
    }

    private async Task ImportAsync(JsonObject json, RecipeStepContext context)
    {
        var type = await types.ResolveAsync(json.GetString("ContentType"))
            ?? throw new RecipeException(S["unknown content type '{0}'.", json.GetString("ContentType") ?? ""]);
        var id = json.GetString("ContentItemId");
        if (id is { Length: > 26 })
        {
            throw new RecipeException(S["the ContentItemId is longer than 26 characters."]);
        }

        var publish = json.GetProperty("Published") is null || ContentItemJson.ReadBool(json, "Published");
        var content = ContentItemJson.ReadContent(json);
        var displayText = json.GetString("DisplayText");
        var existing = string.IsNullOrEmpty(id) ? null : await contents.GetAsync(id, VersionOptions.Latest);
        if (existing is null)
        {
            var item = await contents.NewAsync(type.Name);
            item.ContentItemId = string.IsNullOrEmpty(id) ? item.ContentItemId : id;
            item.Content = content;
            item.DisplayText = displayText ?? "";
            item.Owner = json.GetString("Owner") is { Length: > 0 } owner ? owner : await DefaultOwnerAsync(context);
            item.Author = json.GetString("Author") is { Length: > 0 } author ? author : item.Owner;
            item.CreatedUtc = ContentItemJson.ReadDate(json, "CreatedUtc");
            await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);

            // The item's own dates are kept (an imported news item was published when it was, not today). The index
            // rows are written at SaveChanges, so they see these dates too.
            if (ContentItemJson.ReadDate(json, "ModifiedUtc") is { } modified)
            {
                item.ModifiedUtc = modified;
            }

            if (publish && ContentItemJson.ReadDate(json, "PublishedUtc") is { } published)
            {
                item.PublishedUtc = published;
            }

            return;
        }

        if (!string.Equals(existing.ContentType, type.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new RecipeException(S["the item exists with content type '{0}', not '{1}'.", existing.ContentType, type.Name]);
        }

        if (Contains(existing.Content, content) && (displayText is null || displayText == existing.DisplayText)
            && (!publish || existing.Published))
        {
            return;
        }

        var draft = await contents.GetAsync(existing.ContentItemId, VersionOptions.DraftRequired) ?? existing;
        draft.Content = content;
        draft.DisplayText = displayText ?? draft.DisplayText;
        if (json.GetString("Owner") is { Length: > 0 } newOwner)
        {
            draft.Owner = newOwner;
        }

        await contents.UpdateAsync(draft, publish);
    }

    /// <summary>True when every value of <paramref name="expected"/> is in <paramref name="actual"/> (handlers may add more).</summary>
    private static bool Contains(JsonNode? actual, JsonNode? expected) => (actual, expected) switch
    {
        (JsonObject a, JsonObject e) => e.All(p => Contains(a[p.Key], p.Value)),
        _ => JsonNode.DeepEquals(actual, expected),
    };

    /// <summary>The setup admin (AdminUsername), else the signed-in user, else the first administrator.</summary>
    private async Task<string> DefaultOwnerAsync(RecipeStepContext context)
    {
        _defaultOwner ??= context.GetParameter("AdminUsername") is { Length: > 0 } admin
            ? admin
            : httpContextAccessor.HttpContext?.User.Identity?.Name is { Length: > 0 } current
                ? current
                : await (from user in db.Users
                         join userRole in db.UserRoles on user.Id equals userRole.UserId
                         join role in db.Roles on userRole.RoleId equals role.Id
                         where role.Name == RoleNames.Administrator
                         orderby user.UserName
                         select user.UserName).FirstOrDefaultAsync() ?? "";
        return _defaultOwner;
    }
}

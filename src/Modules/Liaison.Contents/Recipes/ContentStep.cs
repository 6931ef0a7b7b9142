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
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);

    public string Name => "Content";

    public IReadOnlyCollection<string> ItemArrays => ["data"];

    /// <summary>
    /// Items saved and let go of at a time. The recipe's transaction stays open, so the recipe is still all or nothing;
    /// what changes is that the unit of work never holds more than a batch: EF scans every tracked entity whenever
    /// pending changes are looked for (several times per item), which made one big step quadratic (4,000 items took
    /// 239 s, 2,000 took 53 s).
    /// </summary>
    internal const int BatchSize = 100;

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var i = -1;
        foreach (var item in context.DataItems)
        {
            i++;
            context.CancellationToken.ThrowIfCancellationRequested();
            if (i > 0 && i % BatchSize == 0 && db.Database.CurrentTransaction is not null)
            {
                await db.SaveChangesAsync(context.CancellationToken);
                db.ChangeTracker.Clear();
            }

            if (item is not JsonObject json)
            {
                throw new RecipeException(S["Item {0} is not a JSON object.", i + 1]);
            }

            var label = json.GetString("ContentItemId") is { Length: > 0 } id
                ? S["Item {0} ({1} '{2}')", i + 1, id, json.GetString("DisplayText") ?? ""]
                : S["Item {0} ('{1}')", i + 1, json.GetString("DisplayText") ?? ""];
            try
            {
                await ImportAsync(json, context, label);
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

    private async Task ImportAsync(JsonObject json, RecipeStepContext context, string label)
    {
        var type = await types.ResolveAsync(json.GetString("ContentType"));
        if (type is null)
        {
            // Orchard imports items of types no module defines here (its Menu, a widget …): the item is not imported,
            // and the report says so; a type defined later (by a module or a recipe) can take it on a second run.
            context.Dropped(S["{0}: content type '{1}' is not defined on this site; the item was not imported.", label, json.GetString("ContentType") ?? ""]);
            return;
        }

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
            item.Owner = await OwnerAsync(json, context, label);
            item.Author = json.GetString("Author") is { Length: > 0 } author ? author : item.Owner;
            item.CreatedUtc = ContentItemJson.ReadDate(json, "CreatedUtc");
            if (await FreeVersionIdAsync(json, context, label) is { } versionId)
            {
                item.ContentItemVersionId = versionId;
            }

            await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
            KeepDates(json, item, publish);
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
        if (json.GetString("Owner") is { Length: > 0 })
        {
            draft.Owner = await OwnerAsync(json, context, label);
        }

        await contents.UpdateAsync(draft, publish);
        KeepDates(json, draft, publish);
    }

    /// <summary>
    /// The item's own dates are kept (an imported news item was published when it was, not today). The index rows are
    /// written at SaveChanges, so they see these dates too.
    /// </summary>
    private static void KeepDates(JsonObject json, ContentItem item, bool publish)
    {
        if (ContentItemJson.ReadDate(json, "CreatedUtc") is { } created)
        {
            item.CreatedUtc = created;
        }

        if (ContentItemJson.ReadDate(json, "ModifiedUtc") is { } modified)
        {
            item.ModifiedUtc = modified;
        }

        if (publish && ContentItemJson.ReadDate(json, "PublishedUtc") is { } published)
        {
            item.PublishedUtc = published;
        }
    }

    /// <summary>The recipe's ContentItemVersionId, kept unless another version already has it (then reported).</summary>
    private async Task<string?> FreeVersionIdAsync(JsonObject json, RecipeStepContext context, string label)
    {
        if (json.GetString("ContentItemVersionId") is not { Length: > 0 } versionId)
        {
            return null;
        }

        if (versionId.Length > 26 || await db.ContentItems.AnyAsync(c => c.ContentItemVersionId == versionId, context.CancellationToken))
        {
            context.Dropped(S["{0}: ContentItemVersionId '{1}' is already used by another version here; a new one was given.", label, versionId]);
            return null;
        }

        return versionId;
    }

    /// <summary>
    /// Owner as Orchard writes it (a user id) or as this site does (a user name): both are mapped to the user name.
    /// One that names no user here is reported and the item is owned by the default owner (the setup admin …).
    /// </summary>
    private async Task<string> OwnerAsync(JsonObject json, RecipeStepContext context, string label)
    {
        var given = json.GetString("Owner");
        if (given is { Length: 0 })
        {
            // "Owner": "" is an item nobody owns (one the site made itself, as an export writes it): it stays so.
            return "";
        }

        if (string.IsNullOrWhiteSpace(given))
        {
            return await DefaultOwnerAsync(context);
        }

        if (!_owners.TryGetValue(given, out var userName))
        {
            userName = await db.Users.Where(u => u.UserName == given).Select(u => u.UserName).FirstOrDefaultAsync(context.CancellationToken)
                ?? await db.Users.Where(u => u.Id == given).Select(u => u.UserName).FirstOrDefaultAsync(context.CancellationToken);
            _owners[given] = userName;
        }

        if (userName is null)
        {
            var fallback = await DefaultOwnerAsync(context);
            context.Dropped(S["{0}: owner '{1}' is neither a user name nor a user id on this site; the item is owned by '{2}'.", label, given, fallback]);
            return fallback;
        }

        return userName;
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

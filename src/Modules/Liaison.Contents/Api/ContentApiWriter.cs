using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Api;

/// <summary>
/// POST /api/content: creates an item (no id, or an id not yet used) or updates one (a new draft when the latest
/// is published, then the posted parts replace the stored ones). Same validation and rights as the editor.
/// </summary>
internal sealed partial class ContentApiWriter(
    IContentManager contentManager,
    IContentDefinitionManager definitions,
    IAuthorizationService authorization,
    LiaisonDbContext db,
    IStringLocalizer<ContentApiWriter> S)
{
    public async Task<Results<Ok<JsonObject>, Created<JsonObject>, ValidationProblem, ForbidHttpResult, ProblemHttpResult>> SaveAsync(
        JsonObject body, ClaimsPrincipal user)
    {
        var id = body.GetString("ContentItemId");
        var type = body.GetString("ContentType");
        var publish = ContentItemJson.ReadBool(body, "Published");
        var existing = string.IsNullOrEmpty(id) ? null : await contentManager.GetAsync(id, VersionOptions.Latest);

        if (existing is null)
        {
            if (await definitions.GetTypeAsync(type ?? "") is null)
            {
                return Problem("ContentType", S["'ContentType' must name a known content type."]);
            }

            if (!string.IsNullOrEmpty(id) && !IdPattern().IsMatch(id))
            {
                return Problem("ContentItemId", S["'ContentItemId' must be 1 to 26 letters or digits."]);
            }
        }
        else if (!string.IsNullOrEmpty(type) && !string.Equals(type, existing.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Problem("ContentType", S["An item cannot change its content type."]);
        }

        var probe = existing ?? new ContentItem { ContentType = type!, Owner = user.Identity?.Name ?? "" };
        if (!await MayAsync(user, probe, publish ? ContentOperation.Publish : ContentOperation.Edit))
        {
            return TypedResults.Forbid();
        }

        var item = existing is null ? await contentManager.NewAsync(type!) : (await contentManager.GetAsync(id!, VersionOptions.DraftRequired))!;
        if (existing is null && !string.IsNullOrEmpty(id))
        {
            item.ContentItemId = id;
        }

        foreach (var (name, value) in ContentItemJson.ReadContent(body))
        {
            item.Content[name] = value!.DeepClone();
        }

        if (body.GetString("DisplayText") is { Length: > 0 } displayText)
        {
            item.DisplayText = displayText;
        }

        try
        {
            if (existing is null)
            {
                await contentManager.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
            }
            else
            {
                await contentManager.UpdateAsync(item);
                if (publish)
                {
                    await contentManager.PublishAsync(item);
                }
            }
        }
        catch (ContentValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors
                .GroupBy(error => error.Key ?? "")
                .ToDictionary(g => g.Key, g => g.Select(error => error.Message).ToArray()));
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request saved the same item between our read and our write; the version rows are unchanged.
            return TypedResults.Problem(S["The item was changed by another request at the same time. Nothing was saved: read it again and retry."],
                statusCode: StatusCodes.Status409Conflict);
        }

        var json = ContentItemJson.ToJson(item);
        return existing is null
            ? TypedResults.Created($"/api/content/{item.ContentItemId}", json)
            : TypedResults.Ok(json);
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, ContentItem item, ContentOperation operation)
        => (await authorization.AuthorizeAsync(user, item, ContentOperationRequirement.For(operation))).Succeeded;

    private static ValidationProblem Problem(string key, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] });

    [GeneratedRegex("^[A-Za-z0-9]{1,26}$")]
    private static partial Regex IdPattern();
}

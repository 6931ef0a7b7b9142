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
/// POST /api/content: creates an item (no id, or an id never used by another type or owner) or updates one (a new
/// draft when the latest is published, then the posted parts replace the stored ones). Same validation and rights as
/// the editor. A post that changes nothing saves nothing; every answer that carries an item is logged as a view of
/// it (<see cref="ContentViewAudit"/>), exactly as GET /api/content/{id} is, so a save is never a quiet read.
/// </summary>
internal sealed partial class ContentApiWriter(
    IContentManager contentManager,
    IContentTypeResolver types,
    IAuthorizationService authorization,
    ContentViewAudit audit,
    LiaisonDbContext db,
    IStringLocalizer<ContentApiWriter> S)
{
    public async Task<Results<Ok<JsonObject>, Created<JsonObject>, ValidationProblem, ForbidHttpResult, ProblemHttpResult>> SaveAsync(
        HttpRequest request, ClaimsPrincipal user)
    {
        var (body, bodyErrors) = await JsonBody.ReadObjectAsync(request, S, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var errors = new Dictionary<string, string[]>();
        var id = ReadText(body, "ContentItemId", errors);
        var typeName = ReadText(body, "ContentType", errors);
        var displayText = ReadText(body, "DisplayText", errors);
        var publish = ReadFlag(body, "Published", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var existing = string.IsNullOrEmpty(id) ? null : await contentManager.GetAsync(id, VersionOptions.Latest);
        ContentTypeDefinition? type;
        if (existing is null)
        {
            // The name is resolved once, here, so every rule below sees "Contact" even when the body said "contact".
            if ((type = await types.ResolveAsync(typeName)) is null)
            {
                return Problem("ContentType", S["'ContentType' must name a known content type."]);
            }

            if (!string.IsNullOrEmpty(id) && !IdPattern().IsMatch(id))
            {
                return Problem("ContentItemId", S["'ContentItemId' must be 1 to 26 letters or digits."]);
            }
        }
        else
        {
            type = await types.ResolveAsync(existing.ContentType);
            if (!string.IsNullOrEmpty(typeName) && (await types.ResolveAsync(typeName))?.Name != existing.ContentType)
            {
                return Problem("ContentType", S["An item cannot change its content type."]);
            }
        }

        var probe = existing ?? new ContentItem { ContentType = type!.Name, Owner = user.Identity?.Name ?? "" };
        if (type is null || !await MayAsync(user, probe, publish ? ContentOperation.Publish : ContentOperation.Edit))
        {
            return TypedResults.Forbid();
        }

        var content = ContentItemJson.ReadContent(body);
        if (existing is not null && Unchanged(existing, content, displayText, publish))
        {
            // Nothing to save: no new version, no draft; the answer is what a GET of the latest version shows, logged as one.
            await audit.ViewedAsync(user, [existing], "api");
            return TypedResults.Ok(ContentItemJson.ToJson(existing));
        }

        var item = existing is null ? await contentManager.NewAsync(type.Name) : (await contentManager.GetAsync(id!, VersionOptions.DraftRequired))!;
        if (existing is null && !string.IsNullOrEmpty(id))
        {
            item.ContentItemId = id;
        }

        foreach (var (name, value) in content)
        {
            item.Content[name] = value!.DeepClone();
        }

        if (!string.IsNullOrEmpty(displayText))
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
                await contentManager.UpdateAsync(item, publish);
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
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || existing is null)
        {
            // Another request saved the same item (or took the same new id) between our read and our write.
            return TypedResults.Problem(S["The item was changed by another request at the same time. Nothing was saved: read it again and retry."],
                statusCode: StatusCodes.Status409Conflict);
        }

        await audit.ViewedAsync(user, [item], "api");
        var json = ContentItemJson.ToJson(item);
        return existing is null
            ? TypedResults.Created($"/api/content/{item.ContentItemId}", json)
            : TypedResults.Ok(json);
    }

    /// <summary>Every posted part equals the stored one, the title is the same and nothing is to be published.</summary>
    private static bool Unchanged(ContentItem existing, JsonObject content, string? displayText, bool publish)
        => content.All(p => JsonNode.DeepEquals(existing.Content[p.Key], p.Value))
            && (string.IsNullOrEmpty(displayText) || displayText == existing.DisplayText)
            && (!publish || existing.Published);

    private async Task<bool> MayAsync(ClaimsPrincipal user, ContentItem item, ContentOperation operation)
        => (await authorization.AuthorizeAsync(user, item, ContentOperationRequirement.For(operation))).Succeeded;

    /// <summary>A text property of the item: a JSON string (or null/absent); a number or an object is an error.</summary>
    private string? ReadText(JsonObject body, string name, Dictionary<string, string[]> errors)
    {
        switch (body.GetProperty(name))
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            default:
                errors[name] = [S["'{0}' must be text.", name]];
                return null;
        }
    }

    private bool ReadFlag(JsonObject body, string name, Dictionary<string, string[]> errors)
    {
        switch (body.GetProperty(name))
        {
            case null:
                return false;
            case JsonValue value when value.TryGetValue<bool>(out var flag):
                return flag;
            case JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed):
                return parsed;
            default:
                errors[name] = [S["'{0}' must be true or false.", name]];
                return false;
        }
    }

    private static ValidationProblem Problem(string key, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] });

    [GeneratedRegex("^[A-Za-z0-9]{1,26}$")]
    private static partial Regex IdPattern();
}

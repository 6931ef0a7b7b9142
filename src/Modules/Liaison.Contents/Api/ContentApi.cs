using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Liaison.Contents.Security;
using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Api;

/// <summary>A page of content items in the recipe JSON shape.</summary>
public sealed record ContentListResponse(int Total, IReadOnlyList<JsonObject> Items);

/// <summary>Orchard's content API shape: read what the caller may see, create or update with the editor's rules.</summary>
internal static class ContentApi
{
    public static void MapContentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/content").WithTags("Content");
        api.MapGet("", ListAsync).AllowAnonymous()
            .WithSummary("Lists the content items the caller may see.");
        api.MapGet("{contentItemId}", GetAsync).AllowAnonymous()
            .WithSummary("One content item, published version by default.");
        api.MapPost("", (JsonObject body, ContentApiWriter writer, ClaimsPrincipal user) => writer.SaveAsync(body, user))
            .RequireAuthorization()
            .Accepts<JsonObject>("application/json")
            .WithSummary("Creates or updates a content item; \"Published\": true publishes it.");
    }

    private static async Task<Results<Ok<ContentListResponse>, ValidationProblem>> ListAsync(
        string? type, string? status, string? page, string? pageSize,
        ClaimsPrincipal user, ContentQueries queries, ContentViewAudit audit, IStringLocalizer<ContentListResponse> S)
    {
        var errors = new Dictionary<string, string[]>();
        var latest = ReadStatus(status, errors, S);
        var pageNumber = ReadInt(page, 1, "page", errors, S);
        var size = Math.Clamp(ReadInt(pageSize, 20, "pageSize", errors, S), 1, 100);
        if (pageNumber < 1)
        {
            errors["page"] = [S["The page number must be 1 or more."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = await queries.VisibleAsync(user, latest);
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(c => c.ContentType == type);
        }

        var total = await query.CountAsync();
        var items = await query.OrderByDescending(c => c.PublishedUtc ?? c.ModifiedUtc).ThenByDescending(c => c.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync();
        await audit.ViewedAsync(user, items, "api-list");
        return TypedResults.Ok(new ContentListResponse(total, [.. items.Select(ContentItemJson.ToJson)]));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem>> GetAsync(
        string contentItemId, string? status, ClaimsPrincipal user, ContentQueries queries, ContentViewAudit audit,
        IStringLocalizer<ContentListResponse> S)
    {
        var errors = new Dictionary<string, string[]>();
        var latest = ReadStatus(status, errors, S);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var item = await (await queries.VisibleAsync(user, latest)).FirstOrDefaultAsync(c => c.ContentItemId == contentItemId);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        await audit.ViewedAsync(user, [item], "api");
        return TypedResults.Ok(ContentItemJson.ToJson(item));
    }

    private static bool ReadStatus(string? status, Dictionary<string, string[]> errors, IStringLocalizer S)
    {
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "" or "published":
                return false;
            case "latest":
                return true;
            default:
                errors["status"] = [S["The status must be 'published' or 'latest'."]];
                return false;
        }
    }

    private static int ReadInt(string? text, int fallback, string name, Dictionary<string, string[]> errors, IStringLocalizer S)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [S["'{0}' must be a whole number.", name]];
        return fallback;
    }
}

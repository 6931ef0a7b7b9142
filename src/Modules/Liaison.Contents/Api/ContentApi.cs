using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Liaison.Contents.Security;
using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Mvc;
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
        // The body is read by the writer (strictly: a property given twice is a 400), so the parameter is the request.
        api.MapPost("", (HttpRequest request, ContentApiWriter writer, ClaimsPrincipal user) => writer.SaveAsync(request, user))
            .RequireAuthorization()
            .Accepts<JsonObject>("application/json")
            .WithSummary("Creates or updates a content item; \"Published\": true publishes it.");
    }

    private static async Task<Results<Ok<ContentListResponse>, ValidationProblem>> ListAsync(
        string? type, string? status, string? page, string? pageSize,
        ClaimsPrincipal user, ContentQueries queries, ContentViewAudit audit, IContentTypeResolver types, IStringLocalizer<ContentListResponse> S)
    {
        var errors = new Dictionary<string, string[]>();
        var latest = ReadStatus(status, errors, S);
        var pageNumber = ReadInt(page, 1, "page", errors, S);
        var size = Math.Clamp(ReadInt(pageSize, 20, "pageSize", errors, S), 1, 100);
        if (pageNumber is < 1 or > Pager.MaxPage)
        {
            errors["page"] = [S["The page number must be between 1 and {0}.", Pager.MaxPage]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        IQueryable<ContentItem> query;
        if (!string.IsNullOrWhiteSpace(type))
        {
            var canonical = (await types.ResolveAsync(type))?.Name;
            query = canonical is null ? (await queries.VisibleAsync(user, latest)).Where(c => false) : await queries.VisibleAsync(user, latest, canonical);
        }
        else
        {
            query = await queries.VisibleAsync(user, latest);
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

using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.ContentParts.Flows;

public sealed record ContainedWidget(ContentItem Item, IReadOnlyList<DisplayResult> Results);

public sealed record ContainedWidgetsViewModel(ContainedWidgetsModel Source, IReadOnlyList<ContainedWidget> Widgets, bool TooDeep);

/// <summary>
/// Renders the items of a bag or flow: each becomes an in-memory content item of its (resolved) type and gets that
/// type's "Detail" display, so its parts and fields — and nested bags, one level deeper — show as on their own page.
/// An item of a type this site does not define is skipped.
/// </summary>
public sealed class ContainedWidgetsViewComponent(IContentTypeResolver types, IContentDisplayManager display) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContainedWidgetsModel model)
    {
        if (model.Depth >= ContainedWidgetsModel.MaxDepth)
        {
            return View(new ContainedWidgetsViewModel(model, [], TooDeep: true));
        }

        var widgets = new List<ContainedWidget>();
        foreach (var node in model.Items)
        {
            if (node is not JsonObject json || await types.ResolveAsync(json.GetString("ContentType")) is not { } type)
            {
                continue;
            }

            var item = new ContentItem
            {
                ContentItemId = json.GetString("ContentItemId") ?? "",
                ContentType = type.Name,
                DisplayText = json.GetString("DisplayText") is { Length: > 0 } text ? text : json["TitlePart"]?["Title"]?.ToString() ?? "",
                Content = ContentItemJson.ReadContent(json),
            };
            var results = (await display.BuildDisplayAsync(item, "Detail"))
                .Select(r => r.Model is ContainedWidgetsModel inner ? r with { Model = inner with { Depth = model.Depth + 1 } } : r)
                .ToList();
            widgets.Add(new ContainedWidget(item, results));
        }

        return View(new ContainedWidgetsViewModel(model, widgets, TooDeep: false));
    }
}

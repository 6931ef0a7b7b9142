using System.Text;
using System.Text.Json;
using Liaison.Recipes.Services;
using Liaison.Recipes.ViewModels;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes.Controllers;

[Admin]
[Route("admin/recipes")]
public sealed class RecipesAdminController(
    IRecipeExecutor executor,
    IContentDefinitionManager definitions,
    TimeProvider clock,
    IStringLocalizer<RecipesAdminController> S) : Controller
{
    internal const long MaxRecipeBytes = 10 * 1024 * 1024;

    internal const string ReportKey = "Liaison.RecipeReport";

    [HttpGet("")]
    [RequirePermission("Recipes.Import")]
    public IActionResult Index() => View(new ImportViewModel
    {
        Report = TempData[ReportKey] is string report ? JsonSerializer.Deserialize<List<string>>(report) ?? [] : [],
    });

    /// <param name="parameters">
    /// Orchard's recipe parameters, one "Name=Value" a line. SiteName, AdminUsername, AdminUserId and AdminEmail default
    /// to the site's name and the importing user, as Orchard's setup would give them.
    /// </param>
    [HttpPost("import")]
    [RequirePermission("Recipes.Import")]
    [RequestSizeLimit(MaxRecipeBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? recipeFile, [FromForm] string? parameters, CancellationToken cancellationToken)
    {
        var given = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (parameters ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RecipeParameters.Parse(line) is not { } parsed)
            {
                TempData.Error(S["Parameter line '{0}' is not Name=Value; nothing was imported.", line.Length > 80 ? line[..80] + "…" : line]);
                return RedirectToAction(nameof(Index));
            }

            given[parsed.Name] = parsed.Value;
        }

        if (recipeFile is null || recipeFile.Length == 0)
        {
            TempData.Error(S["Choose a recipe file (.json) to import."]);
            return RedirectToAction(nameof(Index));
        }

        if (recipeFile.Length > MaxRecipeBytes)
        {
            TempData.Error(S["The recipe file is larger than 10 MB; nothing was imported."]);
            return RedirectToAction(nameof(Index));
        }

        string json;
        using (var reader = new StreamReader(recipeFile.OpenReadStream(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            var options = new RecipeRunOptions { Parameters = await WithDefaultsAsync(given) };
            var result = await executor.ExecuteAsync(json, options, cancellationToken);
            TempData.Success(S["Recipe '{0}' was imported: {1} steps ran.", result.Name, result.StepCount]);
            if (!result.Report.IsEmpty)
            {
                TempData[ReportKey] = JsonSerializer.Serialize(result.Report.Notes
                    .Select(n => S["Step {0} ('{1}'): {2}", n.StepIndex, n.StepName, n.Message].Value).ToList());
            }
        }
        catch (RecipeException e)
        {
            TempData.Error(S["The recipe was not imported and nothing was changed. {0}", e.Message]);
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>The given parameters, with SiteName and the Admin* ones filled from the site and the importing user.</summary>
    private async Task<Dictionary<string, string?>> WithDefaultsAsync(Dictionary<string, string?> given)
    {
        var user = await HttpContext.RequestServices.GetRequiredService<UserManager<LiaisonUser>>().GetUserAsync(User);
        var settings = await HttpContext.RequestServices.GetRequiredService<ISiteService>().GetSettingsAsync();
        given.TryAdd("SiteName", settings.SiteName);
        given.TryAdd("AdminUsername", user?.UserName);
        given.TryAdd("AdminUserId", user?.Id);
        given.TryAdd("AdminEmail", user?.Email);
        return given;
    }

    [HttpGet("export")]
    [RequirePermission("Recipes.Export")]
    public async Task<IActionResult> Export()
    {
        var exporter = HttpContext.RequestServices.GetRequiredService<RecipeExporter>();
        var types = (await definitions.ListTypesAsync()).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList();
        var (_, refused) = await exporter.ExportableTypesAsync();
        return View(new ExportViewModel
        {
            Types = types,
            Steps = exporter.StepExporters,
            PrivateTypes = [.. types.Where(t => refused.Contains(t.Name)).Select(t => t.DisplayName)],
        });
    }

    [HttpPost("export")]
    [RequirePermission("Recipes.Export")]
    public async Task<IActionResult> Export(
        [FromForm] string[] definitionTypes, [FromForm] string[] contentTypes, [FromForm] string[] include, [FromForm] bool all,
        [FromForm] string? versions, CancellationToken cancellationToken)
    {
        var exporter = HttpContext.RequestServices.GetRequiredService<RecipeExporter>();
        if (all)
        {
            (contentTypes, definitionTypes) = ([.. (await exporter.ExportableTypesAsync()).Types], [.. (await definitions.ListTypesAsync()).Select(t => t.Name)]);
        }

        var known = exporter.StepExporters.Select(e => e.Key).Append(RecipeExporter.AllMedia).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (include.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            TempData.Error(S["Unknown export part '{0}'. Nothing was exported.", unknown]);
            return RedirectToAction(nameof(Export));
        }

        if (definitionTypes.Length == 0 && contentTypes.Length == 0 && include.Length == 0)
        {
            TempData.Error(S["Choose at least one content definition or one content type to export."]);
            return RedirectToAction(nameof(Export));
        }

        if (!all && await exporter.UnfilteredTypesAsync(contentTypes) is { Count: > 0 } refused)
        {
            TempData.Error(S["The items of {0} cannot be exported: they are private and no export rule covers them. Nothing was exported.",
                string.Join("、", refused)]);
            return RedirectToAction(nameof(Export));
        }

        var result = await exporter.ExportAsync(
            new RecipeExportRequest(definitionTypes, contentTypes, versions == "latest", User)
            {
                Include = include,
                PublishedAndDrafts = versions == "both",
            },
            cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(result.Recipe.ToJsonString(RecipeExporter.JsonOptions));
        return File(bytes, "application/json", $"liaison-export-{clock.GetUtcNow():yyyy-MM-dd}.recipe.json");
    }
}

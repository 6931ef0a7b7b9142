using System.Text.Json.Nodes;
using Liaison.Media.Processing;
using Liaison.Media.Storage;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Logging;

namespace Liaison.Media.Recipes;

/// <summary>
/// <c>{"name": "media", "Files": [{"TargetPath": "demo/a.jpg", "Base64": "…"} | {"TargetPath": …, "SourcePath": "media/a.jpg"}]}</c>.
/// Files go through the same decode → re-encode → variants pipeline as uploads. SourcePath is relative to the folder of
/// the harvested recipe. Writing the same files again gives the same result, so the step is idempotent.
/// </summary>
internal sealed class MediaStep(MediaStore store, ImageDecodeGate decoder, IRecipeHarvester harvester, ILogger<MediaStep> logger) : IRecipeStepHandler
{
    public string Name => "media";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        foreach (var node in context.Step.GetArray("Files"))
        {
            var file = node as JsonObject ?? throw new RecipeException($"Step {context.StepIndex} (media): every entry of Files must be an object.");
            var target = file.GetString("TargetPath")?.Trim().TrimStart('/') ?? "";
            if (!MediaPaths.IsValid(target))
            {
                throw new RecipeException($"Step {context.StepIndex} (media): TargetPath '{target}' is not a valid image path (letters, digits, '-', '_', '.', ending in .jpg, .png or .webp).");
            }

            var bytes = await ReadAsync(context, file, target);
            if (bytes is null)
            {
                continue;
            }

            try
            {
                await store.SaveAsync(target, await decoder.ProcessAsync(bytes, Path.GetExtension(target).TrimStart('.'), context.CancellationToken));
            }
            catch (ImageRejectedException e)
            {
                throw new RecipeException($"Step {context.StepIndex} (media): {target}: {string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Message, e.Arguments)}");
            }
            catch (ImageBusyException e)
            {
                throw new RecipeException($"Step {context.StepIndex} (media): {target}: {e.Message}");
            }
        }
    }

    /// <summary>The file's bytes, or null when its SourcePath file is not shipped with the recipe (reported, skipped).</summary>
    private async Task<byte[]?> ReadAsync(RecipeStepContext context, JsonObject file, string target)
    {
        if (file.GetString("Base64") is { Length: > 0 } base64)
        {
            try
            {
                return Convert.FromBase64String(base64);
            }
            catch (FormatException e)
            {
                throw new RecipeException($"Step {context.StepIndex} (media): {target}: Base64 is not valid.", e);
            }
        }

        var source = file.GetString("SourcePath");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new RecipeException($"Step {context.StepIndex} (media): {target} needs Base64 or SourcePath.");
        }

        // Orchard's theme recipes name files of the theme's folder (../wwwroot/…), which do not come with the recipe: the
        // file is reported and skipped, and the items that reference its path keep the reference (the image can be
        // uploaded to that path later). The step goes on with the other files.
        // The folder of the recipe file that runs (setup or `recipe run` with a path), else of the harvested recipe.
        var recipeFolder = context.RecipeFolder
            ?? (await harvester.FindAsync(context.RecipeName) is { } recipe ? Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath)) : null);
        if (recipeFolder is null)
        {
            Report(context, target, source, "the recipe has no folder (an upload), so its SourcePath files are not available (use Base64)");
            return null;
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(recipeFolder)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, source));
        if (!full.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(full))
        {
            Report(context, target, source, "the file is not in the recipe's folder");
            return null;
        }

        return await File.ReadAllBytesAsync(full);
    }

    private void Report(RecipeStepContext context, string target, string source, string reason)
    {
        logger.LogWarning(
            "Recipe '{Recipe}', step {Step} (media): {Target} was skipped, SourcePath '{Source}': {Reason}; references to it are kept.",
            context.RecipeName, context.StepIndex, target, source, reason);
        context.Dropped($"{target}: SourcePath '{source}' was skipped ({reason}); references to it are kept.");
    }
}

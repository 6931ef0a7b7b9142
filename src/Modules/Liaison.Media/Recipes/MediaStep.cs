using System.Text.Json.Nodes;
using Liaison.Media.Processing;
using Liaison.Media.Storage;
using LiaisonSite.Core.Recipes;

namespace Liaison.Media.Recipes;

/// <summary>
/// <c>{"name": "media", "Files": [{"TargetPath": "demo/a.jpg", "Base64": "…"} | {"TargetPath": …, "SourcePath": "media/a.jpg"}]}</c>.
/// Files go through the same decode → re-encode → variants pipeline as uploads. SourcePath is relative to the folder of
/// the harvested recipe. Writing the same files again gives the same result, so the step is idempotent.
/// </summary>
internal sealed class MediaStep(MediaStore store, ImageDecodeGate decoder, IRecipeHarvester harvester) : IRecipeStepHandler
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

    private async Task<byte[]> ReadAsync(RecipeStepContext context, JsonObject file, string target)
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

        var recipe = await harvester.FindAsync(context.RecipeName)
            ?? throw new RecipeException($"Step {context.StepIndex} (media): {target}: SourcePath works only for recipes shipped with the site; use Base64.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath))! + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, source));
        if (!full.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(full))
        {
            throw new RecipeException($"Step {context.StepIndex} (media): {target}: SourcePath '{source}' is not a file in the recipe's folder.");
        }

        return await File.ReadAllBytesAsync(full);
    }
}

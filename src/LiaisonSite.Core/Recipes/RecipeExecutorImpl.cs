using System.Text;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Runs a recipe in one transaction. The whole run has a time limit (<c>Liaison:Recipes:TimeLimitSeconds</c>, default
/// 300): past it the run is stopped, rolled back and refused with a message, so an upload cannot hold the database.
/// A step this site does not implement (Orchard's "feature", "themes", "layers" …, or a typo) is skipped and listed in
/// the result's report, which is also logged; only malformed JSON, a failing expression or invalid data of a known step
/// refuses the recipe.
/// </summary>
internal sealed class RecipeExecutor(
    LiaisonDbContext db,
    IEnumerable<IRecipeStepHandler> handlers,
    IConfiguration configuration,
    RecipeRun run,
    IStringLocalizer<RecipeExecutor> S,
    ILogger<RecipeExecutor> logger) : IRecipeExecutor
{
    public Task<RecipeResult> ExecuteAsync(string json, RecipeRunOptions options, CancellationToken cancellationToken = default)
        => ExecuteAsync(Encoding.UTF8.GetBytes(json), options, cancellationToken);

    public async Task<RecipeResult> ExecuteAsync(ReadOnlyMemory<byte> utf8, RecipeRunOptions options, CancellationToken cancellationToken = default)
    {
        var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var document = RecipeDocument.Parse(utf8, S, name => byName.TryGetValue(name, out var handler) ? handler.ItemArrays : []);
        var recipe = document.Root;
        var recipeName = recipe.GetString("name") is { Length: > 0 } n ? n : S["(unnamed)"].Value;
        if (recipe.GetProperty("steps") is not JsonArray steps)
        {
            throw new RecipeException(S["Recipe '{0}' has no \"steps\" array. Nothing was changed.", recipeName]);
        }

        RefuseNamelessSteps(recipeName, steps);

        var parameters = options.Parameters ?? new Dictionary<string, string?>();
        var timeLimit = TimeLimit(configuration);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            var result = await RunAsync(recipeName, steps, document, byName, parameters, options.Folder, limit.Token);
            foreach (var note in result.Report.Notes)
            {
                logger.LogWarning("Recipe '{Recipe}', step {Index} ('{Step}'): {Note}", recipeName, note.StepIndex, note.StepName, note.Message);
            }

            return result;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RecipeException(S["Recipe '{0}' took longer than {1} seconds and was stopped. Nothing was changed.",
                recipeName, timeLimit.TotalSeconds]);
        }
    }

    /// <summary>Liaison:Recipes:TimeLimitSeconds, 300 when unset or not a positive number.</summary>
    internal static TimeSpan TimeLimit(IConfiguration configuration)
        => double.TryParse(configuration["Liaison:Recipes:TimeLimitSeconds"], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(300);

    private async Task<RecipeResult> RunAsync(
        string recipeName, JsonArray steps, RecipeDocument document, Dictionary<string, IRecipeStepHandler> byName,
        IReadOnlyDictionary<string, string?> parameters, string? folder, CancellationToken cancellationToken)
    {
        var recipe = document.Root;
        var report = new RecipeReport();
        var (currentIndex, currentName) = (0, "variables");
        var scripting = new RecipeScripting(parameters, configuration, S, cancellationToken)
        {
            Folder = folder,
            Warn = message => report.Add(new RecipeNote(currentIndex, currentName, RecipeNoteKind.Warning, message)),
        };
        var ran = 0;
        var ids = new RecipeIds();
        LearnIds(ids, recipe, report, 0, "variables");
        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            try
            {
                scripting.DefineVariables(recipe.GetProperty("variables") as JsonObject);
            }
            catch (RecipeException e)
            {
                throw new RecipeException(S["Recipe '{0}', variables: {1} Nothing was changed.", recipeName, e.Message], e);
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var stepName = ((JsonObject)steps[i]!).GetString("name")!;
                if (!byName.TryGetValue(stepName, out var handler))
                {
                    // Not evaluated either: a skipped step runs none of its expressions.
                    report.Add(new RecipeNote(i + 1, stepName, RecipeNoteKind.SkippedStep, SkippedMessage(stepName, byName.Keys)));
                    continue;
                }

                (currentIndex, currentName) = (i + 1, stepName);
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var step = (JsonObject)scripting.Evaluate(steps[i])!;

                    // The step runs from its evaluated copy; the recipe's own text of it is let go of (a Roster step of
                    // 20,000 inline rows is held once, not twice).
                    steps[i] = new JsonObject { ["name"] = stepName };
                    LearnIds(ids, step, report, i + 1, stepName);
                    var arrays = document.ArraysOf(i);
                    foreach (var items in arrays.Values)
                    {
                        for (var j = 0; j < items.Count; j++)
                        {
                            // Every item's long ids are known before the first item is imported, as for a step held whole.
                            if (items.Parse(j) is { } item)
                            {
                                LearnIds(ids, item, report, i + 1, stepName);
                            }
                        }
                    }

                    ids.Replace(step);
                    var context = new RecipeStepContext(recipeName, i + 1, step, parameters, cancellationToken, report, folder)
                    {
                        Arrays = arrays.Count == 0 ? null
                            : arrays.ToDictionary(a => a.Key, a => Evaluated(a.Value, scripting, ids, report, i + 1, stepName), StringComparer.OrdinalIgnoreCase),
                    };
                    using (run.Enter(context))
                    {
                        // Handlers run at SaveChanges too (index providers): the step is current until its work is saved.
                        await handler.ExecuteAsync(context);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    ran++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new RecipeException(
                        S["Recipe '{0}', step {1} ('{2}'): {3} Nothing was changed.", recipeName, i + 1, stepName, Describe(e)], e);
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                await db.RunAfterCommitAsync();
            }
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);

                // The unit of work must not keep entities of the rolled-back recipe.
                db.ChangeTracker.Clear();
                db.DiscardAfterCommit();
            }

            throw;
        }

        return new RecipeResult(recipeName, ran) { Report = report };
    }

    /// <summary>A located array's items one at a time: parsed from the recipe's text, evaluated, their long ids replaced.</summary>
    private IEnumerable<JsonNode?> Evaluated(
        RecipeDocument.RecipeItems items, RecipeScripting scripting, RecipeIds ids, RecipeReport report, int index, string stepName)
    {
        for (var j = 0; j < items.Count; j++)
        {
            var item = scripting.Evaluate(items.Parse(j));
            if (item is not null)
            {
                // An id an expression gave is only known now.
                LearnIds(ids, item, report, index, stepName);
                ids.Replace(item);
            }

            yield return item;
        }
    }

    /// <summary>Long content item ids (see <see cref="RecipeIds"/>) are stored shortened; the report says which.</summary>
    private void LearnIds(RecipeIds ids, JsonNode node, RecipeReport report, int index, string stepName)
    {
        var learnt = ids.Learn(node, id => new RecipeException(S["the content item id '{0}…' has {1} characters; at most {2} are accepted.",
            id[..20], id.Length, RecipeIds.MaxLength]));
        foreach (var id in learnt)
        {
            report.Add(new RecipeNote(index, stepName, RecipeNoteKind.Warning, S[
                "Content item id '{0}' has {1} characters; it is stored as '{2}' (ids here hold {3}), and the recipe's references to it with it.",
                id, id.Length, ids.Map[id], RecipeIds.StoredLength]));
        }
    }

    /// <summary>A step that is not an object with a "name" is malformed: refused before anything runs.</summary>
    private void RefuseNamelessSteps(string recipeName, JsonArray steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if ((steps[i] as JsonObject)?.GetString("name") is not { Length: > 0 })
            {
                throw new RecipeException(S["Recipe '{0}', step {1}: a step must be an object with a \"name\". Nothing was changed.", recipeName, i + 1]);
            }
        }
    }

    /// <summary>
    /// Why a step was skipped, so that a typo stands out: a name close to a step this site has is a likely typo
    /// ("Contnet" → "Content"); an Orchard Core step is named as such; anything else lists the steps this site knows.
    /// </summary>
    private string SkippedMessage(string name, IEnumerable<string> known)
    {
        var names = known.Order(StringComparer.Ordinal).ToList();
        if (RecipeStepNames.IsOrchardStep(name))
        {
            return S["Skipped: '{0}' is an Orchard Core step this site does not implement; nothing of it was applied.", name];
        }

        return RecipeStepNames.Closest(name, names) is { } suggestion
            ? S["Skipped: this site has no step '{0}'. Did you mean '{1}'? (a misspelt step name is skipped, not run)", name, suggestion]
            : S["Skipped: this site has no step '{0}'. Steps this site runs: {1}.", name, string.Join(", ", names)];
    }

    private static string Describe(Exception e) => e switch
    {
        RecipeException or ContentValidationException => e.Message,
        DbUpdateException { InnerException: not null } => e.InnerException.Message,
        _ => e.Message,
    };
}

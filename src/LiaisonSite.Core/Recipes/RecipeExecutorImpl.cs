using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Runs a recipe in one transaction. The whole run has a time limit (<c>Liaison:Recipes:TimeLimitSeconds</c>, default
/// 300): past it the run is stopped, rolled back and refused with a message, so an upload cannot hold the database.
/// </summary>
internal sealed class RecipeExecutor(
    LiaisonDbContext db,
    IEnumerable<IRecipeStepHandler> handlers,
    IConfiguration configuration,
    IStringLocalizer<RecipeExecutor> S) : IRecipeExecutor
{
    public async Task<RecipeResult> ExecuteAsync(
        string json, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default)
    {
        var recipe = RecipeParser.Parse(json, S);
        var recipeName = recipe.GetString("name") is { Length: > 0 } n ? n : S["(unnamed)"].Value;
        if (recipe.GetProperty("steps") is not JsonArray steps)
        {
            throw new RecipeException(S["Recipe '{0}' has no \"steps\" array. Nothing was changed.", recipeName]);
        }

        var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        RefuseUnknownSteps(recipeName, steps, byName);

        parameters ??= new Dictionary<string, string?>();
        var timeLimit = TimeLimit(configuration);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            return await RunAsync(recipeName, steps, recipe, byName, parameters, limit.Token);
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
        string recipeName, JsonArray steps, JsonObject recipe, Dictionary<string, IRecipeStepHandler> byName,
        IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken)
    {
        var scripting = new RecipeScripting(parameters, configuration, S, cancellationToken);
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
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var step = (JsonObject)scripting.Evaluate(steps[i])!;
                    await byName[stepName].ExecuteAsync(new RecipeStepContext(recipeName, i + 1, step, parameters, cancellationToken));
                    await db.SaveChangesAsync(cancellationToken);
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

        return new RecipeResult(recipeName, steps.Count);
    }

    /// <summary>An unknown step is refused before anything runs, so a typo cannot leave half a recipe applied.</summary>
    private void RefuseUnknownSteps(string recipeName, JsonArray steps, Dictionary<string, IRecipeStepHandler> byName)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var name = (steps[i] as JsonObject)?.GetString("name");
            if (name is null || !byName.ContainsKey(name))
            {
                throw new RecipeException(S[
                    "Recipe '{0}', step {1}: unknown step '{2}'. Known steps: {3}. Nothing was changed.",
                    recipeName, i + 1, name ?? S["(no name)"], string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))]);
            }
        }
    }

    private static string Describe(Exception e) => e switch
    {
        RecipeException or ContentValidationException => e.Message,
        DbUpdateException { InnerException: not null } => e.InnerException.Message,
        _ => e.Message,
    };
}

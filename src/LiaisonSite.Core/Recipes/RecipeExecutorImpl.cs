using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Recipes;

internal sealed class RecipeExecutor(LiaisonDbContext db, IEnumerable<IRecipeStepHandler> handlers, IConfiguration configuration)
    : IRecipeExecutor
{
    public async Task ExecuteAsync(string json, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default)
    {
        var recipe = RecipeParser.Parse(json);
        var recipeName = recipe.GetString("name") ?? "(unnamed)";
        var steps = recipe.GetArray("steps");
        var byName = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

        // Refuse unknown steps before anything runs.
        for (var i = 0; i < steps.Count; i++)
        {
            var name = (steps[i] as System.Text.Json.Nodes.JsonObject)?.GetString("name");
            if (name is null || !byName.ContainsKey(name))
            {
                throw new RecipeException(
                    $"Recipe '{recipeName}', step {i + 1}: unknown step '{name ?? "(no name)"}'. Known steps: {string.Join(", ", byName.Keys.Order())}. Nothing was changed.");
            }
        }

        var scripting = new RecipeScripting(parameters ?? new Dictionary<string, string?>(), configuration);
        var ownsTransaction = db.Database.CurrentTransaction is null;
        var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            scripting.DefineVariables(recipe.GetProperty("variables") as System.Text.Json.Nodes.JsonObject);
            for (var i = 0; i < steps.Count; i++)
            {
                var step = (System.Text.Json.Nodes.JsonObject)scripting.Evaluate(steps[i])!;
                var context = new RecipeStepContext(recipeName, i + 1, step);
                try
                {
                    await byName[context.StepName].ExecuteAsync(context);
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception e) when (e is not RecipeException || !e.Message.StartsWith("Recipe '", StringComparison.Ordinal))
                {
                    throw new RecipeException($"Recipe '{recipeName}', step {i + 1} ('{context.StepName}'): {Describe(e)} Nothing was changed.", e);
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
                db.ChangeTracker.Clear();
                db.DiscardAfterCommit();
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static string Describe(Exception e) => e switch
    {
        RecipeException => e.Message,
        DbUpdateException { InnerException: not null } => e.InnerException.Message,
        _ => e.Message,
    };
}

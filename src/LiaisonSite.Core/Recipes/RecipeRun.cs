namespace LiaisonSite.Core.Recipes;

/// <summary>
/// The recipe step running in this scope, if any. What a step's work sets off elsewhere — content handlers renaming an
/// address, keeping parts this site does not show, setting the home page — is said in the run's report through
/// <see cref="Note"/>, not only in the log. Outside a recipe run it does nothing.
/// </summary>
public sealed class RecipeRun
{
    /// <summary>The step under way, or null outside a recipe run.</summary>
    public RecipeStepContext? Step { get; private set; }

    public bool IsRunning => Step is not null;

    /// <summary>Adds a note under the current step; false (nothing added) outside a recipe run.</summary>
    public bool Note(RecipeNoteKind kind, string message)
    {
        if (Step is not { } step)
        {
            return false;
        }

        step.Report.Add(new RecipeNote(step.StepIndex, step.StepName, kind, message));
        return true;
    }

    /// <summary>Makes <paramref name="step"/> current until the returned scope is disposed (a nested run restores the outer one).</summary>
    internal IDisposable Enter(RecipeStepContext step)
    {
        var outer = Step;
        Step = step;
        return new Exit(this, outer);
    }

    private sealed class Exit(RecipeRun run, RecipeStepContext? outer) : IDisposable
    {
        public void Dispose() => run.Step = outer;
    }
}

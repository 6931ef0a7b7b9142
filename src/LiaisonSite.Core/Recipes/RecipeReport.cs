namespace LiaisonSite.Core.Recipes;

/// <summary>What kind of note a recipe run left in its report.</summary>
public enum RecipeNoteKind
{
    /// <summary>A step this site does not implement (Orchard's "feature", "themes", a typo …): skipped, nothing done.</summary>
    SkippedStep,

    /// <summary>A step this site implements kept or dropped some of its data (an unknown setting, part, permission …).</summary>
    Dropped,

    /// <summary>A step changed something beyond its own data that whoever runs it should know (the site's home page was set).</summary>
    Applied,

    /// <summary>Anything else worth knowing that did not stop the run (a file an expression names that is not there).</summary>
    Warning,
}

/// <summary>One line of a recipe's report: the step (1-based; 0 for the recipe's "variables") and what happened.</summary>
public sealed record RecipeNote(int StepIndex, string StepName, RecipeNoteKind Kind, string Message);

/// <summary>
/// What a recipe run did not do as written: steps skipped and data dropped or only kept. Shown by <c>recipe run</c>, the
/// import page and setup's log, so an Orchard Core recipe's unsupported parts are listed in one place, never silent.
/// </summary>
public sealed class RecipeReport
{
    private readonly List<RecipeNote> _notes = [];

    public IReadOnlyList<RecipeNote> Notes => _notes;

    public IEnumerable<RecipeNote> SkippedSteps => _notes.Where(n => n.Kind == RecipeNoteKind.SkippedStep);

    public bool IsEmpty => _notes.Count == 0;

    public void Add(RecipeNote note) => _notes.Add(note);
}

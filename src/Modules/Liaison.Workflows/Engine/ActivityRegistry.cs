namespace Liaison.Workflows.Engine;

/// <summary>The activities this site has, by Name.</summary>
internal sealed class ActivityRegistry(IEnumerable<WorkflowActivity> activities)
{
    private readonly Dictionary<string, WorkflowActivity> _byName = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public WorkflowActivity? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<WorkflowActivity> All => _byName.Values.OrderBy(a => !a.IsEvent).ThenBy(a => a.Name, StringComparer.Ordinal);
}

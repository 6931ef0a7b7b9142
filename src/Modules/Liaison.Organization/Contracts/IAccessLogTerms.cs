namespace Liaison.Organization.Contracts;

/// <summary>
/// Names, in the page's language, for what other modules write to the access log: their own actions (a talk
/// record viewed) and the person categories they record. The access log asks every registered one and shows the
/// first answer; a value nobody names is shown as written.
/// </summary>
public interface IAccessLogTerms
{
    /// <summary>The action's name, or null when the action is not this module's.</summary>
    string? ActionName(string action);

    /// <summary>The category's name, or null when the module records no categories.</summary>
    string? CategoryName(int category);
}

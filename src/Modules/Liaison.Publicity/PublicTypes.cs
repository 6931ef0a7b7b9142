namespace Liaison.Publicity;

/// <summary>The content types of liaison.recipe.json that the public pages list.</summary>
public static class PublicTypes
{
    public const string BranchNews = "BranchNews";
    public const string TypicalExample = "TypicalExample";
    public const string PartyBranch = "PartyBranch";
    public const string Page = "Page";
    public const string ExemplaryMember = "ExemplaryMember";
}

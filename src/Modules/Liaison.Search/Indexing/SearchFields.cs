namespace Liaison.Search.Indexing;

/// <summary>Names of the fields of a search document.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Type = "type";
    public const string TypeName = "typename";
    public const string Branch = "branch";
    public const string Path = "path";
    public const string Published = "published";
    public const string Owner = "owner";

    /// <summary>The only fields a query may search; anything else a visitor types as "field:" is plain text.</summary>
    public static readonly string[] Searchable = [Title, Body, TypeName];
}

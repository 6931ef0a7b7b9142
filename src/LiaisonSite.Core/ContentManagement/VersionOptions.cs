namespace LiaisonSite.Core.ContentManagement;

/// <summary>Which version of a content item an operation reads or writes.</summary>
public enum VersionOptions
{
    /// <summary>The latest version, draft or published.</summary>
    Latest,

    /// <summary>The published version.</summary>
    Published,

    /// <summary>The latest version if it is a draft (not published).</summary>
    Draft,

    /// <summary>A draft to edit: the latest version if it is a draft, otherwise a new draft copied from it.</summary>
    DraftRequired,
}

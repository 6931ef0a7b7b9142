namespace LiaisonSite.Core.ContentManagement.Metadata;

public sealed class ContentTypeSettings
{
    public bool Creatable { get; set; }

    public bool Listable { get; set; }

    public bool Draftable { get; set; }

    public bool Versionable { get; set; }

    /// <summary>
    /// Orchard's Securable: the type gets its own permissions (view, edit, publish, delete, own and all), which the
    /// site-wide ones imply, so that a role can be given this type alone. Whether its items are public is its view
    /// permission held by Anonymous (and no access scope governing it).
    /// </summary>
    public bool Securable { get; set; }

    /// <summary>Public types are served on the public site, in feeds and to anonymous API callers.</summary>
    public bool Public { get; set; }

    public string? Stereotype { get; set; }

    public string? Description { get; set; }
}

public sealed class ContentTypePartSettings
{
    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Position { get; set; }
}

public sealed class ContentPartSettings
{
    public bool Attachable { get; set; }

    public bool Reusable { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }
}

public sealed class ContentPartFieldSettings
{
    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Editor { get; set; }

    public string? DisplayMode { get; set; }

    public string? Position { get; set; }
}

namespace LiaisonSite.Core.Data;

/// <summary>A whole JSON document under a key: content definitions, site settings, role permissions.</summary>
public sealed class DocumentRecord
{
    public string Key { get; set; } = "";

    public string Json { get; set; } = "{}";

    /// <summary>Incremented on every write; also the concurrency token.</summary>
    public long Version { get; set; }
}

using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>The level of a Party organization in the school's tree (党委 → 党支部 → 党小组).</summary>
internal enum OrganizationKind
{
    Committee = 0,
    Branch = 1,
    Group = 2,
}

/// <summary>
/// The organization tree, mapped from the PartyBranch content items (their public pages stay content), so that
/// scoping and rosters query a table instead of JSON. One row per published or latest version.
/// </summary>
internal sealed class OrganizationIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public string Name { get; set; } = "";

    public OrganizationKind Kind { get; set; }

    /// <summary>The parent organization; null for the Party committee at the root.</summary>
    public string? ParentContentItemId { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<OrganizationIndex>(e =>
    {
        e.ToTable("OrganizationIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Name).HasMaxLength(255).IsRequired();
        e.Property(x => x.ParentContentItemId).HasMaxLength(26);
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.ContentItemId, x.Published });
        e.HasIndex(x => new { x.Kind, x.Published });
    });
}

/// <summary>Maps a PartyBranch item: its Kind text field (党委/党支部/党小组) and its Parent content picker.</summary>
internal sealed class OrganizationIndexProvider : IndexProvider<OrganizationIndex>
{
    public const string ContentType = "PartyBranch";

    public override IEnumerable<OrganizationIndex> Map(ContentItem item)
    {
        if (item.ContentType != ContentType || !(item.Published || item.Latest))
        {
            return [];
        }

        var part = item.Content[ContentType];
        var parent = Text((part?["Parent"]?["ContentItemIds"] as System.Text.Json.Nodes.JsonArray)?.FirstOrDefault());
        return
        [
            new OrganizationIndex
            {
                ContentItemId = item.ContentItemId,
                Name = item.DisplayText ?? "",
                Kind = ParseKind(Text(part?["Kind"]?["Text"])),
                ParentContentItemId = string.IsNullOrEmpty(parent) ? null : parent,
                Published = item.Published,
                Latest = item.Latest,
            },
        ];
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node)
        => node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Reads the kind as school staff write it; a general branch (党总支) ranks as a branch.</summary>
    public static OrganizationKind ParseKind(string? text) => text?.Trim() switch
    {
        "党委" or "Committee" => OrganizationKind.Committee,
        "党小组" or "Group" => OrganizationKind.Group,
        _ => OrganizationKind.Branch,
    };
}

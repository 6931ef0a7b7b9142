using System.Text.Json.Nodes;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Recipes;

/// <summary>Every role with its description and permissions, as a <see cref="RolesStep"/> reads them. No user is exported.</summary>
internal sealed class RolesExporter(RoleManager<LiaisonRole> roles, RolePermissionsEditor editor, IStringLocalizer<RolesExporter> S)
    : IRecipeStepExporter
{
    public string Key => "roles";

    public string DisplayName => S["Roles and their permissions"];

    public int Order => 200;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var descriptions = await roles.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Description, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var grants = await editor.LoadAsync();
        var entries = new JsonArray();
        foreach (var name in editor.AllRoleNames())
        {
            var role = new JsonObject { ["Name"] = name };
            if (descriptions.TryGetValue(name, out var description) && description is not null)
            {
                role["Description"] = description;
            }

            role["Permissions"] = new JsonArray([.. (grants.Roles.TryGetValue(name, out var granted) ? granted : [])
                .Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]);
            entries.Add(role);
        }

        return [new JsonObject { ["name"] = "Roles", ["Roles"] = entries }];
    }
}

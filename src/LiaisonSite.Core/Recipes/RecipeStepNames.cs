namespace LiaisonSite.Core.Recipes;

/// <summary>Names of steps for the report: Orchard Core's own steps, and the known step a misspelt name was meant to be.</summary>
internal static class RecipeStepNames
{
    // Steps of Orchard Core's modules that this site has no counterpart for (its recipes use them; they are skipped).
    private static readonly HashSet<string> s_orchard = new(StringComparer.OrdinalIgnoreCase)
    {
        "feature", "themes", "layers", "queries", "Templates", "AdminTemplates", "lucene-index", "LuceneIndex",
        "lucene-index-rebuild", "lucene-index-reset", "ElasticIndexSettings", "AdminTrees", "MediaProfiles", "Placements",
        "ShortcodeTemplates", "CustomSettings", "Sitemaps", "OpenIdApplication", "OpenIdScope", "OpenIdServerSettings",
        "OpenIdValidationSettings", "Recipes", "Deployment", "DeploymentPlans", "Rules", "Command", "Translations",
        "DynamicDataMigration", "ReplaceContentDefinition", "DeleteContentDefinition", "DeleteContent", "UrlRewriting",
        "AzureADSettings", "FacebookCoreSettings", "GitHubAuthentication", "Twitter", "Email", "SmtpSettings",
        "Localization", "AuditTrail", "Tenants", "Feeds", "Secrets",
    };

    public static bool IsOrchardStep(string name) => s_orchard.Contains(name);

    /// <summary>A known step within two edits of <paramref name="name"/> (any case, '-' and '_' ignored), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var wanted = Normalize(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance && distance <= Math.Min(2, Math.Max(1, wanted.Length / 3)))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static string Normalize(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters is one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

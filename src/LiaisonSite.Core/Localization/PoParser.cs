using System.Text;

namespace LiaisonSite.Core.Localization;

/// <summary>Reads msgid/msgstr pairs from a gettext PO file (multi-line strings and escapes; no plurals).</summary>
public static class PoParser
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string text)
    {
        string? id = null;
        StringBuilder? current = null;
        var str = new StringBuilder();
        var ids = new StringBuilder();

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("msgid ", StringComparison.Ordinal))
            {
                if (!string.IsNullOrEmpty(id) && str.Length > 0)
                {
                    yield return new(id, str.ToString());
                }

                ids.Clear();
                str.Clear();
                ids.Append(Unquote(line[6..]));
                current = ids;
                id = null;
            }
            else if (line.StartsWith("msgstr ", StringComparison.Ordinal))
            {
                id = ids.ToString();
                str.Append(Unquote(line[7..]));
                current = str;
            }
            else if (line.StartsWith('"') && current is not null)
            {
                current.Append(Unquote(line));
            }
            else if (line.Length == 0 || line.StartsWith('#'))
            {
                current = line.Length == 0 ? null : current;
            }
        }

        if (id is not null && id.Length > 0 && str.Length > 0)
        {
            yield return new(id, str.ToString());
        }
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return value.Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\\"", "\"", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);
    }
}

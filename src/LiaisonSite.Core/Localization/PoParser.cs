using System.Text;

namespace LiaisonSite.Core.Localization;

/// <summary>One translation: an optional msgctxt (a module's name), the English msgid and the msgstr.</summary>
public sealed record PoEntry(string? Context, string Id, string Text)
{
    /// <summary>gettext's own key for an entry with a context: context, EOT, msgid.</summary>
    public string Key => Context is null ? Id : Context + "\u0004" + Id;
}

/// <summary>Reads msgctxt/msgid/msgstr entries from a gettext PO file (multi-line strings and escapes; no plurals).</summary>
public static class PoParser
{
    /// <summary>Key (<see cref="PoEntry.Key"/>) and text of every translated entry.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Parse(string text)
        => Entries(text).Select(e => new KeyValuePair<string, string>(e.Key, e.Text));

    public static IEnumerable<PoEntry> Entries(string text)
    {
        string? id = null;
        string? context = null;
        string? nextContext = null;
        StringBuilder? current = null;
        var str = new StringBuilder();
        var ids = new StringBuilder();
        var contexts = new StringBuilder();

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("msgctxt ", StringComparison.Ordinal))
            {
                if (!string.IsNullOrEmpty(id) && str.Length > 0)
                {
                    yield return new(context, id, str.ToString());
                }

                id = null;
                str.Clear();
                contexts.Clear();
                contexts.Append(Unquote(line[8..]));
                current = contexts;
                nextContext = "";
            }
            else if (line.StartsWith("msgid ", StringComparison.Ordinal))
            {
                if (!string.IsNullOrEmpty(id) && str.Length > 0)
                {
                    yield return new(context, id, str.ToString());
                }

                context = nextContext is null ? null : contexts.ToString();
                nextContext = null;
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
            yield return new(context, id, str.ToString());
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

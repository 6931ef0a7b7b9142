using System.Text.RegularExpressions;

namespace LiaisonSite.Tests.Quality;

/// <summary>
/// In a view, <c>T["… {0} …", x]</c> is an HTML string whose <c>.Value</c> is the unformatted text: a page titled
/// "“{0}”的表单设置" is what it gives. A formatted plain string is <c>T.GetString("… {0} …", x).Value</c>.
/// </summary>
public sealed partial class ViewLocalizerFormatTests
{
    [Fact]
    public void NoView_TakesTheValueOfAFormattedHtmlString()
    {
        var found = SourceTree.Files("src", ".cshtml")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => FormattedValue().IsMatch(l.Text))
            .Select(l => $"{SourceTree.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Use T.GetString(…).Value for a formatted string:\n" + string.Join("\n", found));
    }

    [Fact]
    public void ThePattern_FindsTheMistake()
    {
        Assert.Matches(FormattedValue(), """ViewData["Title"] = T["Form settings of {0}", Model.DisplayName].Value;""");
        Assert.DoesNotMatch(FormattedValue(), """ViewData["Title"] = T.GetString("Form settings of {0}", Model.DisplayName).Value;""");
        Assert.DoesNotMatch(FormattedValue(), """ViewData["Title"] = T["Forms"].Value;""");
    }

    [GeneratedRegex("""(?<![\w.])T\["(?:[^"\\]|\\.)*\{\d+\}(?:[^"\\]|\\.)*"\s*,[^\]]*\]\.Value""")]
    private static partial Regex FormattedValue();
}

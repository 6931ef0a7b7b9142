namespace LiaisonSite.Tests.Quality;

/// <summary>
/// The nginx configuration README shows for several web nodes is the one bench/scale/run.sh tests: the script fills
/// the template bench/scale/liaison.nginx.conf with its loopback ports, README shows it filled with example addresses.
/// </summary>
public sealed class DeploymentDocsTests
{
    [Fact]
    public void ReadmeNginxConfiguration_IsTheTemplateTheScaleBenchRuns()
    {
        var template = File.ReadAllText(Path.Combine(SourceTree.Root, "bench", "scale", "liaison.nginx.conf")).ReplaceLineEndings("\n");
        var expected = template.Replace("@NODE_A@", "10.0.0.11:5000").Replace("@NODE_B@", "10.0.0.12:5000").Replace("@LISTEN@", "80").TrimEnd();
        Assert.DoesNotContain("@", expected);

        var readme = File.ReadAllText(Path.Combine(SourceTree.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("   ```nginx\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no indented nginx block in its multi-machine section");
        start += "   ```nginx\n".Length;
        var end = readme.IndexOf("\n   ```", start, StringComparison.Ordinal);
        var shown = string.Join("\n", readme[start..end].Split('\n').Select(line => line.StartsWith("   ", StringComparison.Ordinal) ? line[3..] : line)).TrimEnd();

        Assert.Equal(expected, shown);
    }
}

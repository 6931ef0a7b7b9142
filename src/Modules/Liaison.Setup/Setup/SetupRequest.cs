namespace Liaison.Setup.Setup;

/// <summary>What a new site needs: its name, the first administrator and the recipe to start from.</summary>
public sealed class SetupRequest
{
    public string SiteName { get; set; } = "";

    public string AdminUserName { get; set; } = "";

    public string AdminEmail { get; set; } = "";

    public string AdminPassword { get; set; } = "";

    /// <summary>Password of every demo account (demo recipe only).</summary>
    public string? DemoPassword { get; set; }

    /// <summary>A recipe name from recipes/ ("liaison", "liaison-demo") or a file path.</summary>
    public string Recipe { get; set; } = "liaison";
}

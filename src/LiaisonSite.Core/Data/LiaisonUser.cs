using Microsoft.AspNetCore.Identity;

namespace LiaisonSite.Core.Data;

public sealed class LiaisonUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public bool IsEnabled { get; set; } = true;

    /// <summary>The user switched e-mail notifications off (they still get them in the bell).</summary>
    public bool EmailOptOut { get; set; }
}

public sealed class LiaisonRole : IdentityRole
{
    public LiaisonRole()
    {
    }

    public LiaisonRole(string name) : base(name)
    {
    }

    public string? Description { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Liaison.Users.RolesAdmin;

public sealed record RoleRow(string Name, string Label, string? Description, bool IsBuiltIn, bool IsAdministrator, int PermissionCount);

/// <param name="Editable">False for a permission the user does not hold: they can neither give nor take it away.</param>
public sealed record PermissionOption(string Name, string Description, bool Granted, bool Editable);

public sealed record PermissionGroup(string Category, IReadOnlyList<PermissionOption> Permissions);

public sealed class RoleCreateViewModel
{
    [Required(ErrorMessage = "Enter a role name.")]
    [RegularExpression(@"^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,49}$",
        ErrorMessage = "A role name has 1 to 50 letters, digits, '_', '.' or '-', and starts with a letter or digit.")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "The description can have at most {1} characters.")]
    public string? Description { get; set; }
}

public sealed class RoleEditViewModel
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    [StringLength(200, ErrorMessage = "The description can have at most {1} characters.")]
    public string? Description { get; set; }

    public bool IsAdministrator { get; set; }

    public bool IsBuiltIn { get; set; }

    /// <summary>The permission names checked in the form.</summary>
    public List<string> Permissions { get; set; } = [];

    public IReadOnlyList<PermissionGroup> Groups { get; set; } = [];
}

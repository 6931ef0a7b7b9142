using System.ComponentModel.DataAnnotations;
using LiaisonSite.Core.Mvc;

namespace Liaison.Users.UsersAdmin;

public sealed record UserRow(string Id, string UserName, string? Email, string? DisplayName, bool IsEnabled, bool IsLockedOut, IReadOnlyList<string> Roles,
    bool CanManage);

public sealed record UserListViewModel(string? Query, IReadOnlyList<UserRow> Users, Pager Pager);

public sealed record RoleOption(string Name, string Label);

public sealed class UserEditViewModel
{
    /// <summary>Null while creating.</summary>
    public string? Id { get; set; }

    [Required(ErrorMessage = "Enter a user name.")]
    [StringLength(64, ErrorMessage = "The user name can have at most {1} characters.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessage = "The display name can have at most {1} characters.")]
    public string? DisplayName { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>Required when creating; when editing, empty keeps the current password.</summary>
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<RoleOption> AvailableRoles { get; set; } = [];
}

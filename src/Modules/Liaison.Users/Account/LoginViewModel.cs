using System.ComponentModel.DataAnnotations;

namespace Liaison.Users.Account;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "Enter your user name or email.")]
    [Display(Name = "User name or email")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

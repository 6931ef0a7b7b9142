using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Users;

/// <summary>A site set up from TestData/Users/users.recipe.json: the Roles, Users and Settings steps run in setup.</summary>
public sealed class UsersSiteFactory() : SiteFactory(Path.Combine(AppContext.BaseDirectory, "TestData", "Users", "users.recipe.json"));

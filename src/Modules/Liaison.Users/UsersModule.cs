using LiaisonSite.Core.Modules;

namespace Liaison.Users;

public sealed class UsersModule : LiaisonModule
{
}

using LiaisonSite.Core.Modules;

namespace Liaison.Admin;

public sealed class AdminModule : LiaisonModule
{
}

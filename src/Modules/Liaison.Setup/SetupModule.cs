using LiaisonSite.Core.Modules;

namespace Liaison.Setup;

public sealed class SetupModule : LiaisonModule
{
}

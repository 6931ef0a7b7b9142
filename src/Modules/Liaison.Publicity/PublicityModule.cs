using LiaisonSite.Core.Modules;

namespace Liaison.Publicity;

public sealed class PublicityModule : LiaisonModule
{
}

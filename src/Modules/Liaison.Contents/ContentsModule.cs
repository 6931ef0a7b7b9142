using LiaisonSite.Core.Modules;

namespace Liaison.Contents;

public sealed class ContentsModule : LiaisonModule
{
}

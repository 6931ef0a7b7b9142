using LiaisonSite.Core.Modules;

namespace Liaison.ContentParts;

public sealed class ContentPartsModule : LiaisonModule
{
}

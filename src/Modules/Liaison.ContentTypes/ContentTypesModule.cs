using LiaisonSite.Core.Modules;

namespace Liaison.ContentTypes;

public sealed class ContentTypesModule : LiaisonModule
{
}

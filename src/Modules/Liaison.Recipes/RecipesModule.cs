using LiaisonSite.Core.Modules;

namespace Liaison.Recipes;

public sealed class RecipesModule : LiaisonModule
{
}

using LiaisonSite.Core.Modules;

namespace TheAdmin;

public sealed class TheAdminTheme : LiaisonModule
{
    public override bool IsTheme => true;
}

using LiaisonSite.Core.Modules;

namespace TheBranch;

public sealed class TheBranchTheme : LiaisonModule
{
    public override bool IsTheme => true;
}

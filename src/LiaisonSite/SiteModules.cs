using LiaisonSite.Core.Modules;

namespace LiaisonSite;

/// <summary>The modules of the site, in dependency order. A module is on when it is listed here.</summary>
public static class SiteModules
{
    public static ModuleCatalog Catalog { get; } = new(
    [
        new TheAdmin.TheAdminTheme(),
        new TheBranch.TheBranchTheme(),
        new Liaison.Users.UsersModule(),
        new Liaison.Admin.AdminModule(),
        new Liaison.ContentParts.ContentPartsModule(),
        new Liaison.ContentTypes.ContentTypesModule(),
        new Liaison.Contents.ContentsModule(),
        new Liaison.Recipes.RecipesModule(),
        new Liaison.Setup.SetupModule(),
        new Liaison.Publicity.PublicityModule(),
        new Liaison.Media.MediaModule(),
        new Liaison.Notices.NoticesModule(),
        new Liaison.Search.SearchModule(),
        new Liaison.Organization.OrganizationModule(),
        new Liaison.Pairing.PairingModule(),
        new Liaison.Contacts.ContactsModule(),
        new Liaison.Workflows.WorkflowsModule(),
        new Liaison.Forms.FormsModule(),
        new Liaison.Talks.TalksModule(),
        new Liaison.Outreach.OutreachModule(),
        new Liaison.Appraisals.AppraisalsModule(),
        new Liaison.Reports.ReportsModule(),
    ]);
}

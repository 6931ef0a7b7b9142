using System.Globalization;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Tests.Core.Localization;

/// <summary>Translations are per module: one English word, two Chinese ones; permission texts come from their module.</summary>
public sealed class ModuleLocalizationTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private const string Header = "msgid \"\"\nmsgstr \"\"\n\"Language: zh-CN\\n\"\n\n";

    [Fact]
    public void TheSameMsgid_InTwoModules_HasEachModulesTranslation()
    {
        var factory = new PoStringLocalizerFactory(_ =>
        [
            ("LiaisonSite.Core", Header + "msgctxt \"Liaison.Reports\"\nmsgid \"Subject\"\nmsgstr \"主题\"\n\nmsgid \"Save\"\nmsgstr \"保存\"\n"),
            ("Liaison.Organization", Header + "msgid \"Post\"\nmsgstr \"职务\"\n\nmsgid \"Subject\"\nmsgstr \"学科\"\n"),
            ("Liaison.Publicity", Header + "msgid \"Post\"\nmsgstr \"发表\"\n"),
        ]);
        using var culture = new CultureScope("zh-CN");

        Assert.Equal("职务", factory.ForModule("Liaison.Organization")["Post"].Value);
        Assert.Equal("发表", factory.ForModule("Liaison.Publicity")["Post"].Value);
        Assert.Equal("学科", factory.ForModule("Liaison.Organization")["Subject"].Value);
        Assert.Equal("主题", factory.ForModule("Liaison.Reports")["Subject"].Value); // msgctxt in another file
        Assert.Equal("保存", factory.ForModule("Liaison.Publicity")["Save"].Value); // what a module lacks comes from the others
        Assert.Equal("职务", factory.ForModule("Liaison.Users")["Post"].Value); // … the first file that has it
        Assert.True(factory.ForModule("Liaison.Users")["Not translated"].ResourceNotFound);
    }

    [Fact]
    public void OnTheSite_ModulesKeepTheirOwnWordsForTheSameEnglish()
    {
        var factory = site.Services.GetRequiredService<IStringLocalizerFactory>();
        using var culture = new CultureScope("zh-CN");

        // Both were translated by whichever file came first before translations were per module.
        Assert.Equal("解除", factory.Create(typeof(Liaison.Pairing.PairingModule))["Remove"].Value);
        Assert.Equal("移除", factory.Create(typeof(Liaison.ContentTypes.ContentTypesModule))["Remove"].Value);
        Assert.Equal("列名", factory.Create(typeof(Liaison.Organization.OrganizationModule))["Column"].Value);
        Assert.Equal("栏目", factory.Create(typeof(Liaison.Search.SearchModule))["Column"].Value);
    }

    [Fact]
    public void PoParser_ReadsMsgctxt_AsItsOwnKey()
    {
        var entries = PoParser.Entries(Header + "msgctxt \"Liaison.Reports\"\nmsgid \"Subject\"\nmsgstr \"主题\"\n\nmsgid \"Subject\"\nmsgstr \"学科\"\n").ToList();

        Assert.Equal([new PoEntry("Liaison.Reports", "Subject", "主题"), new PoEntry(null, "Subject", "学科")], entries);
        Assert.Equal(2, PoParser.Parse(Header + "msgctxt \"A\"\nmsgid \"X\"\nmsgstr \"一\"\n\nmsgid \"X\"\nmsgstr \"二\"\n").Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void AView_IsTranslatedByItsOwnModule()
    {
        var views = site.Services.GetRequiredService<ViewModules>();

        Assert.Equal("Liaison.Admin", views.ModuleOf("/Views/JobsAdmin/Index.cshtml"));
        Assert.Equal("TheAdmin", views.ModuleOf("/Views/Shared/_AdminLayout.cshtml"));
        Assert.Null(views.ModuleOf("/Views/Nowhere/Nothing.cshtml"));
    }

    [Fact]
    public async Task EveryPermission_HasItsDescriptionAndCategory_InChinese_FromItsModule()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>();
        var missing = new List<string>();
        using (new CultureScope("zh-CN"))
        {
            foreach (var provider in scope.ServiceProvider.GetServices<IPermissionProvider>())
            {
                var localizer = factory.Create(provider.GetType());
                missing.AddRange(provider.GetPermissions()
                    .SelectMany(p => new[] { p.Description, p.Category })
                    .Where(text => text.Length > 0 && localizer[text].ResourceNotFound)
                    .Select(text => $"{provider.GetType().Assembly.GetName().Name}: \"{text}\""));
            }
        }

        Assert.True(missing.Count == 0, "Permission texts without a zh-CN msgstr in their module:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public async Task TheRolesPage_ShowsPermissionsInTheUsersLanguage()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var chinese = await admin.GetStringAsync("/admin/roles/Editor/edit", TestContext.Current.CancellationToken);
        var english = await admin.GetStringAsync("/admin/roles/Editor/edit?culture=en-US", TestContext.Current.CancellationToken);

        Assert.Contains("上传图片", chinese);
        Assert.Contains("查看和运行后台任务", chinese);
        Assert.Contains("Upload images", english);
        Assert.Contains("View and run background jobs", english);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _ui;
    }
}

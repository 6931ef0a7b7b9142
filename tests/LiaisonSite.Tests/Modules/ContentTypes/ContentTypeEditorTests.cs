using Liaison.ContentTypes.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Tests.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentTypes;

public sealed class ContentTypeEditorTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task TheTypeEditor_NamesPartsAndFieldTypesInChinese_WithTheTechnicalNameBeside()
    {
        var admin = await site.SignInAsync(LiaisonSite.Tests.Infrastructure.SiteFactory.AdminUserName);

        var html = await admin.GetStringAsync("/admin/content-types/Page", TestContext.Current.CancellationToken);

        Assert.Matches(@"标题\s*<code[^>]*>TitlePart</code>", html);
        Assert.Matches(@"网址\s*<code[^>]*>AutoroutePart</code>", html);
        Assert.Contains("<option value=\"TextField\">文本（TextField）</option>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">上移标题</span>", html, StringComparison.Ordinal);
        // The admin theme's form styles (issue 15 item 13), not bare inputs.
        Assert.Matches("<input id=\"displayName\" name=\"displayName\" class=\"form-control\"", html);
        Assert.Contains("class=\"form-check-input\" type=\"checkbox\" id=\"flag-securable\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFieldEditor_NamesItsSettingsInChinese_InTheAdminFormStyle()
    {
        var admin = await site.SignInAsync(LiaisonSite.Tests.Infrastructure.SiteFactory.AdminUserName);

        var html = await admin.GetStringAsync("/admin/content-types/ExemplaryMember/fields/Branch", TestContext.Current.CancellationToken);

        Assert.Contains("<label class=\"form-check-label\" for=\"setting-Required\">必填</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"setting-Hint\" class=\"form-label\">提示</label>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"form-control\" value=\"该党员所在的党组织。\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Required<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTypeWithRequiredField_ThenItemsOfItAreCreatedAndValidated()
    {
        await site.WithScopeAsync(async sp =>
        {
            var types = sp.GetRequiredService<ContentTypeEditorService>();
            var fields = sp.GetRequiredService<ContentFieldEditorService>();
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            Assert.Null(await types.CreateTypeAsync("MeetingMinutes", "会议纪要"));
            var type = (await definitions.GetTypeAsync("MeetingMinutes"))!;
            Assert.Null(await fields.AddFieldAsync(type, "Summary", "纪要内容", "NoteField"));
            var part = (await definitions.GetPartAsync("MeetingMinutes"))!;
            Assert.Empty(sp.GetRequiredService<FieldSettingsEditor>().Apply(part.Fields[0], "纪要内容", new Dictionary<string, string?> { ["Required"] = "true" }));
            await definitions.StorePartAsync(part);
            await types.SaveAsync();
            return 0;
        });

        await site.WithScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var empty = await contents.NewAsync("MeetingMinutes");
            var error = await Assert.ThrowsAsync<ContentValidationException>(() => contents.CreateAsync(empty));
            Assert.Contains("纪要内容", error.Message, StringComparison.Ordinal);

            var item = await contents.NewAsync("MeetingMinutes");
            item.GetOrCreatePart("MeetingMinutes")["Summary"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "支部换届" };
            await contents.CreateAsync(item);
            await sp.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>().SaveChangesAsync();
            return 0;
        });

        var saved = Assert.Single(await site.VersionsAsync("MeetingMinutes"));
        Assert.True(saved.Published);
        Assert.Equal("会议纪要", (await site.GetTypeAsync("MeetingMinutes"))!.DisplayName);
    }

    [Theory]
    [InlineData("1Type")]
    [InlineData("Has Space")]
    [InlineData("含中文")]
    [InlineData("")]
    public async Task CreateType_InvalidTechnicalName_IsRefused(string name)
        => Assert.NotNull(await site.WithScopeAsync(sp => sp.GetRequiredService<ContentTypeEditorService>().CreateTypeAsync(name, "x")));

    [Fact]
    public async Task DeleteType_WithItems_IsRefusedAndTheTypeStays()
    {
        await site.RunRecipeAsync("""
            {"name": "del", "steps": [
              {"name": "ContentDefinition", "ContentTypes": [{"Name": "Kept", "ContentTypePartDefinitionRecords": [{"PartName": "Kept"}]}]},
              {"name": "Content", "data": [{"ContentItemId": "kept1", "ContentType": "Kept", "DisplayText": "留"}]}]}
            """);

        var error = await site.WithScopeAsync(async sp => await sp.GetRequiredService<ContentTypeEditorService>()
            .DeleteTypeAsync((await site.GetTypeAsync("Kept"))!));

        Assert.NotNull(error);
        Assert.NotNull(await site.GetTypeAsync("Kept"));
    }

    [Fact]
    public async Task FieldSettings_NotANumber_AreRefusedWithAMessage()
    {
        var field = new ContentPartFieldDefinition { Name = "Score", FieldName = "NumberField" };
        var editor = new FieldSettingsEditor(
            new FieldSettingsTypes(new LiaisonSite.Core.Modules.ModuleCatalog([new TestSettingsModule()])), new NullLocalizer<FieldSettingsEditor>());

        var errors = editor.Apply(field, "得分", new Dictionary<string, string?> { ["Scale"] = "two" });

        Assert.Contains(errors, e => e.Contains("Scale", StringComparison.Ordinal));
        Assert.Null(field.Settings["NumberFieldSettings"]);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Title;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>A type made only of fields, defined at run time, is served at its paths without any code of its own.</summary>
public sealed class AutorouteContentControllerTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    [Fact]
    public async Task FieldsOnlyType_PublishedIsServedWithItsFields_DraftAndSecurableAreNotFound()
    {
        var (published, draft, secret) = await CreateContentAsync();
        var client = site.CreateClient();

        var response = await client.GetAsync(Url(published), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>帮扶困难学生</h1>", page);
        Assert.Contains("连续三年结对帮扶", page);
        Assert.Contains("<strong>事迹</strong>", page);
        Assert.Contains("120", page);
        Assert.Contains("结对帮扶", page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", page, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(draft), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(secret), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page", Ct)).StatusCode);
    }

    [Fact]
    public async Task PathLookups_IgnoringCase_UseTheExpressionIndex_NotAScan()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var normalized = "branch-news/some-story";
        var taken = new List<string> { "v1", "v2" };

        // The shapes of ContentRouting's public lookup and AutorouteRegistry's "is this path free" check.
        var lookup = db.Set<AutorouteIndex>().Where(r => r.Published && r.Path.ToLower() == normalized).Select(r => r.ContentItemVersionId).Take(1);
        var check = db.Set<AutorouteIndex>().Where(r => r.Path.ToLower() == normalized && r.ContentItemId != "x" && (r.Latest || r.Published)
            && !taken.Contains(r.ContentItemVersionId)).Select(r => r.Id).Take(1);

        foreach (var query in new[] { lookup.ToQueryString(), check.ToQueryString() })
        {
            var plan = await SqlitePlans.ExplainAsync(db, query, Ct);
            Assert.Contains("USING INDEX IX_AutorouteIndex_LowerPath", plan);
            Assert.DoesNotContain("SCAN a", plan);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(string path) => "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private async Task<(string Published, string Draft, string Secret)> CreateContentAsync()
    {
        // PrivateNote is Securable and the public does not hold its view permission.
        await AnonymousGrants.MakeSecurableTypesPrivateAsync(site);
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        await definitions.StorePartAsync(new ContentPartDefinition
        {
            Name = "Volunteering",
            Fields =
            [
                Field("Deeds", "TextField", "事迹简介"),
                Field("Story", "HtmlField", "详细经过"),
                Field("Hours", "NumericField", "服务时长"),
                Field("Keywords", "TagsField", "关键词"),
            ],
        });
        await definitions.StoreTypeAsync(Type("Volunteering", securable: false));
        await definitions.StoreTypeAsync(Type("PrivateNote", securable: true));
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        await db.SaveChangesAsync(Ct);

        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var published = await NewAsync(contents, "Volunteering", "帮扶困难学生");
        var fields = published.GetOrCreatePart("Volunteering");
        fields["Deeds"] = new JsonObject { ["Text"] = "连续三年结对帮扶" };
        fields["Story"] = new JsonObject { ["Html"] = "<p><strong>事迹</strong></p><script>alert('x')</script><img src=\"a.png\" onerror=\"alert(1)\">" };
        fields["Hours"] = new JsonObject { ["Value"] = 120 };
        fields["Keywords"] = new JsonObject { ["Tags"] = new JsonArray("结对帮扶") };
        await contents.CreateAsync(published, VersionOptions.Published);

        var draft = await NewAsync(contents, "Volunteering", "尚未发布的草稿");
        await contents.CreateAsync(draft, VersionOptions.Draft);
        var secret = await NewAsync(contents, "PrivateNote", "私密记录");
        await contents.CreateAsync(secret, VersionOptions.Published);
        await db.SaveChangesAsync(Ct);

        return (published.As<AutoroutePart>().Path!, draft.As<AutoroutePart>().Path!, secret.As<AutoroutePart>().Path!);
    }

    private static async Task<ContentItem> NewAsync(IContentManager contents, string type, string title)
    {
        var item = await contents.NewAsync(type);
        item.Apply(new TitlePart { Title = title });
        return item;
    }

    private static ContentPartFieldDefinition Field(string name, string fieldType, string displayName)
    {
        var field = new ContentPartFieldDefinition { Name = name, FieldName = fieldType };
        field.Settings.SetSettings(new ContentPartFieldSettings { DisplayName = displayName });
        return field;
    }

    private static ContentTypeDefinition Type(string name, bool securable)
    {
        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = name,
            Parts =
            [
                new() { Name = "TitlePart", PartName = "TitlePart" },
                new() { Name = "AutoroutePart", PartName = "AutoroutePart" },
                new() { Name = name, PartName = name },
            ],
        };
        type.Settings.SetSettings(new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Securable = securable });
        return type;
    }
}

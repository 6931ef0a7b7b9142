using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Liaison.Contacts.Parts;
using Liaison.Notices.Data;
using Liaison.Organization.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// The XSS corpus (issue 8, finding 17) and the data that carries it into every kind of input the site renders:
/// titles, text, HTML and Markdown bodies, fields, field names and hints, alt text, tags, picked titles,
/// objections, roster cells (members and persons) and an uploaded file's name. Every payload mentions "xss", so a
/// surviving handler, script or URL is found by that word; one payload is the &lt;xss-canary&gt; element.
/// </summary>
internal static class XssCorpus
{
    public static readonly IReadOnlyList<string> Payloads =
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert('xss')>",
        "<svg onload=alert('xss')>",
        "<svg><script>alert('xss')</script></svg>",
        "\"><script>alert('xss')</script>",
        "'><img src=x onerror=alert('xss')>",
        "</title><script>alert('xss')</script>",
        "</textarea><script>alert('xss')</script>",
        "</script><script>alert('xss')</script>",
        "</style><script>alert('xss')</script>",
        "<iframe src=\"javascript:alert('xss')\"></iframe>",
        "<iframe srcdoc=\"<script>alert('xss')</script>\"></iframe>",
        "<a href=\"javascript:alert('xss')\">点我</a>",
        "<a href=\"jav&#x09;ascript:alert('xss')\">点我</a>",
        "<a href=\"JaVaScRiPt:alert('xss')\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=\">xss</a>",
        "<body onload=alert('xss')>",
        "<input autofocus onfocus=alert('xss')>",
        "<select autofocus onfocus=alert('xss')>",
        "<textarea autofocus onfocus=alert('xss')>",
        "<details open ontoggle=alert('xss')>",
        "<video><source onerror=alert('xss')></video>",
        "<audio src=x onerror=alert('xss')>",
        "<object data=\"javascript:alert('xss')\"></object>",
        "<embed src=\"javascript:alert('xss')\">",
        "<math><mtext><script>alert('xss')</script></mtext></math>",
        "<form action=\"javascript:alert('xss')\"><button>x</button></form>",
        "<button formaction=\"javascript:alert('xss')\">x</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss')\">",
        "<base href=\"javascript:alert('xss')//\">",
        "<link rel=stylesheet href=\"javascript:alert('xss')\">",
        "<style>@import 'javascript:alert(\"xss\")';</style>",
        "<div style=\"background:url(javascript:alert('xss'))\">x</div>",
        "<div style=\"width:expression(alert('xss'))\">x</div>",
        "<img src=\"x\" onerror=\"&#97;lert('xss')\">",
        "<img src=x:alert(alt) onerror=eval(src) alt='xss'>",
        "<IMG SRC=JaVaScRiPt:alert('xss')>",
        "<img \"\"\"><script>alert('xss')</script>\">",
        "<scr<script>ipt>alert('xss')</scr</script>ipt>",
        "<<script>alert('xss');//<</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('xss')>\">",
        "<svg><animate onbegin=alert('xss') attributeName=x dur=1s>",
        "<svg><a xlink:href=\"javascript:alert('xss')\"><text x=20 y=20>x</text></a></svg>",
        "<marquee onstart=alert('xss')>x</marquee>",
        "<div onpointerenter=alert('xss')>悬停</div>",
        "<!--<img src=\"--><img src=x onerror=alert('xss')//\">",
        "<img src=1 onerror=window.__xss=1>",
        "javascript:alert('xss')",
        "';alert('xss');//",
        "\\\";alert('xss');//",
        "{{constructor.constructor('alert(\"xss\")')()}}",
        "${alert('xss')}",
        "{{ 'xss' | raw }}{% raw %}<script>alert('xss')</script>",
        "%3Cscript%3Ealert('xss')%3C/script%3E",
        "&lt;script&gt;alert('xss')&lt;/script&gt;",
        "\\u003cscript\\u003ealert('xss')\\u003c/script\\u003e",
        "[点我](javascript:alert('xss'))",
        "![图](x\" onerror=\"alert('xss'))",
        "<a href=x onclick=alert('xss')>x</a>",
        "<xss-canary>金丝雀 xss</xss-canary>",
    ];

    public const int Groups = 4;

    /// <summary>Payloads of group <paramref name="g"/> (0-based): every fourth, so each group has every kind.</summary>
    public static IReadOnlyList<string> Group(int g) => [.. Payloads.Where((_, i) => i % Groups == g)];

    public static string GroupMarker(int g) => $"XSSG{g}";

    private static readonly ConditionalWeakTable<SiteFactory, Task<XssSeed>> s_seeds = [];

    /// <summary>Puts the corpus into the site once (both browser tests use it).</summary>
    public static Task<XssSeed> SeedAsync(SiteFactory site)
    {
        lock (s_seeds)
        {
            return s_seeds.GetValue(site, s => Task.Run(() => SeedCoreAsync(s)));
        }
    }

    private static async Task<XssSeed> SeedCoreAsync(SiteFactory site)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(ProbeDefinition());
        }

        var seed = new XssSeed();
        for (var g = 0; g < Groups; g++)
        {
            seed.Probes.Add(await CreateAsync(site, "XssProbe", $"xss/probe-{g}", g, item =>
            {
                item.Content["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = string.Join("\n\n", Group(g)) };
                item.Content["XssProbe"] = new JsonObject
                {
                    ["Text"] = new JsonObject { ["Text"] = string.Join(" ", Group(g)) },
                    ["Html"] = new JsonObject { ["Html"] = string.Join("<br>", Group(g)) },
                    ["Tags"] = new JsonObject { ["Tags"] = new JsonArray([.. Group(g).Where(p => p.Length <= 50).Select(p => (JsonNode)p)]) },
                    ["Photo"] = Photo(g),
                    ["Picked"] = new JsonObject { ["ContentItemIds"] = new JsonArray([.. seed.Probes.Select(id => (JsonNode)id)]) },
                };
            }));
            seed.Examples.Add(await CreateAsync(site, "TypicalExample", $"examples/xss-{g}", g, item =>
                item.Content["TypicalExample"] = new JsonObject
                {
                    ["Summary"] = new JsonObject { ["Text"] = GroupMarker(g) + " " + string.Join(" ", Group(g)) },
                    ["People"] = new JsonObject { ["Text"] = string.Join(" ", Group(g)) },
                    ["Branch"] = new JsonObject { ["ContentItemIds"] = new JsonArray("branch-1") },
                    ["Photo"] = Photo(g),
                    ["Featured"] = new JsonObject { ["Value"] = true },
                }));
        }

        await SeedRosterAndObjectionsAsync(site, seed);
        return seed;
    }

    private static JsonObject Photo(int g) => new()
    {
        ["Paths"] = new JsonArray("demo/branch-1-talk.jpg"),
        ["MediaTexts"] = new JsonArray(string.Join(" ", Group(g))),
    };

    private static async Task<string> CreateAsync(SiteFactory site, string type, string path, int g, Action<ContentItem> fill)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(type);
        item.Owner = SiteFactory.AdminUserName;
        item.Content["TitlePart"] = new JsonObject { ["Title"] = GroupMarker(g) + " " + string.Join(" ", Group(g)) };
        item.Content["AutoroutePart"] = new JsonObject { ["Path"] = path };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = string.Join("<p>", Group(g)) };
        fill(item);
        await contents.CreateAsync(item);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync();
        return item.ContentItemId;
    }

    private static async Task SeedRosterAndObjectionsAsync(SiteFactory site, XssSeed seed)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        for (var i = 0; i < Payloads.Count; i++)
        {
            var text = Cut(Payloads[i], 100);
            db.Add(new PartyMember { Number = $"XSSM{i:D2}", Name = text, BranchId = "branch-1", CadrePost = text, Subject = Cut(Payloads[i], 50) });
            db.Add(new MassPerson
            {
                Kind = PersonKind.Student, Number = $"XSSP{i:D2}", Name = text, BranchId = "branch-1", Post = text,
                Grade = Cut(Payloads[i], 50), ClassName = Cut(Payloads[i], 50),
            });
        }

        for (var g = 0; g < Groups; g++)
        {
            db.Add(new Objection
            {
                NoticeContentItemId = "notice-01",
                CreatedUtc = DateTime.UtcNow,
                Name = Cut(Payloads[g], 50),
                Contact = Cut(Payloads[g + Groups], 100),
                Text = GroupMarker(g) + " " + string.Join(" ", Group(g)),
                Answer = string.Join(" ", Group(g)),
                AnsweredBy = "secretary1",
                AnsweredUtc = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        seed.MemberId = await db.Set<PartyMember>().Where(m => m.Number == "XSSM00").Select(m => m.Id).SingleAsync();
        seed.ObjectionId = await db.Set<Objection>().Where(o => o.Text.StartsWith("XSSG0")).Select(o => o.Id).FirstAsync();

        // A contact between two payload rows: its title and the contacts list show their names.
        var person = await db.Set<MassPerson>().Where(p => p.Number == "XSSP01").Select(p => p.Id).SingleAsync();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var contact = await contents.NewAsync("Contact");
        contact.Apply(new ContactPart { MemberId = seed.MemberId, PersonId = person, Category = ContactCategories.Activist });
        await contents.CreateAsync(contact);
        await db.SaveChangesAsync();
        seed.ContactId = contact.ContentItemId;
    }

    /// <summary>A members roster with a payload in every cell a preview shows, as CSV.</summary>
    public static byte[] RosterCsv()
    {
        var csv = new StringBuilder("工号,姓名,性别,所在支部,行政职务,学科,责任区,登录名\r\n");
        for (var i = 0; i < Payloads.Count; i++)
        {
            var p = Quote(Payloads[i]);
            csv.Append($"XSSI{i:D2},{p},{p},{p},{p},{p},{p},{p}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A file name that is itself a payload (no '/', which a file name cannot hold).</summary>
    public const string FileName = "\"><img src=x onerror=alert('xss')>名单.csv";

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    private static string ProbeDefinition() => """
        {"name": "xss-probe", "steps": [{"name": "ContentDefinition",
          "ContentTypes": [{"Name": "XssProbe", "DisplayName": "XSS探针 <img src=x onerror=alert('xss')>",
            "Settings": {"Creatable": "True", "Listable": "True", "Draftable": "True", "Versionable": "True"},
            "ContentTypePartDefinitionRecords": [
              {"PartName": "TitlePart", "Name": "TitlePart"}, {"PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {"AutoroutePartSettings": {"AllowCustomPath": true}}},
              {"PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart"}, {"PartName": "HtmlBodyPart", "Name": "HtmlBodyPart"},
              {"PartName": "XssProbe", "Name": "XssProbe"}]}],
          "ContentParts": [{"Name": "XssProbe", "ContentPartFieldDefinitionRecords": [
            {"FieldName": "TextField", "Name": "Text", "Settings": {"ContentPartFieldSettings": {"DisplayName": "文本 <svg onload=alert('xss')>", "Position": "0"},
              "TextFieldSettings": {"Hint": "<script>alert('xss')</script>"}}},
            {"FieldName": "HtmlField", "Name": "Html", "Settings": {"ContentPartFieldSettings": {"DisplayName": "HTML \"><img src=x onerror=alert('xss')>", "Position": "1"}}},
            {"FieldName": "TagsField", "Name": "Tags", "Settings": {"ContentPartFieldSettings": {"DisplayName": "标签", "Position": "2"}}},
            {"FieldName": "MediaField", "Name": "Photo", "Settings": {"ContentPartFieldSettings": {"DisplayName": "照片", "Position": "3"}}},
            {"FieldName": "ContentPickerField", "Name": "Picked", "Settings": {"ContentPartFieldSettings": {"DisplayName": "相关", "Position": "4"},
              "ContentPickerFieldSettings": {"Multiple": true, "DisplayedContentTypes": ["XssProbe"]}}}]}]}]}
        """;
}

internal sealed class XssSeed
{
    public List<string> Probes { get; } = [];

    public List<string> Examples { get; } = [];

    public int MemberId { get; set; }

    public long ObjectionId { get; set; }

    public string ContactId { get; set; } = "";
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Contacts.Data;
using Liaison.Contacts.Parts;
using Liaison.Organization.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>
/// The demo site plus a small roster (found by number if the demo roster already has it) and four assignments:
/// member1 has an activist (category 1) and a sensitive one (category 2) in branch 1, member2 a young staff
/// member (3) in branch 1, member3 an assistance contact (4) in branch 2.
/// </summary>
public sealed class ContactsSite : SiteFactory, IAsyncLifetime
{
    public string Member1Activist { get; private set; } = "";

    public string Member1Hardship { get; private set; } = "";

    public string Member2Young { get; private set; } = "";

    public string Member3Assistance { get; private set; } = "";

    public int Member1Id { get; private set; }

    public int Member3Id { get; private set; }

    public int PersonB1 { get; private set; }

    public int PersonB1Other { get; private set; }

    public int PersonB2 { get; private set; }

    /// <summary>Person names (unique, so a page containing one shows that person).</summary>
    public const string ActivistName = "测甲学生";
    public const string HardshipName = "测乙学生";
    public const string YoungName = "测丙老师";
    public const string AssistanceName = "测丁学生";

    public async ValueTask InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        await MemberAsync(db, "D001", "committee1", "branch-committee", "陈志远");
        await MemberAsync(db, "D101", "secretary1", "branch-1", "书记一");
        var m1 = await MemberAsync(db, "D102", "member1", "branch-1", "党员一");
        var m2 = await MemberAsync(db, "D103", "member2", "branch-1", "党员二");
        await MemberAsync(db, "D201", "secretary2", "branch-2", "书记二");
        var m3 = await MemberAsync(db, "D202", "member3", "branch-2", "党员三");
        var p1 = await PersonAsync(db, PersonKind.Student, "T9001", ActivistName, "branch-1");
        var p2 = await PersonAsync(db, PersonKind.Student, "T9002", HardshipName, "branch-1");
        var p3 = await PersonAsync(db, PersonKind.Staff, "T9003", YoungName, "branch-1");
        var p4 = await PersonAsync(db, PersonKind.Student, "T9004", AssistanceName, "branch-2");
        await db.SaveChangesAsync();
        Member1Id = m1.Id;
        Member3Id = m3.Id;
        PersonB1 = p1.Id;
        PersonB1Other = p3.Id;
        PersonB2 = p4.Id;

        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        Member1Activist = await ContactAsync(contents, m1.Id, p1.Id, ContactCategories.Activist, null);
        Member1Hardship = await ContactAsync(contents, m1.Id, p2.Id, ContactCategories.Hardship, new DateOnly(2026, 9, 1));
        Member2Young = await ContactAsync(contents, m2.Id, p3.Id, ContactCategories.YoungStaff, new DateOnly(2026, 9, 1));
        Member3Assistance = await ContactAsync(contents, m3.Id, p4.Id, ContactCategories.Assistance, new DateOnly(2026, 9, 1));
        await db.SaveChangesAsync();
    }

    public async Task<int> AccessRowsAsync(string contentItemId, string action, string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<PersonalDataAccess>().CountAsync(a => a.ContentItemId == contentItemId && a.Action == action && a.UserName == userName);
    }

    /// <summary>The member of each contact.</summary>
    public async Task<List<int>> MembersOfAsync(IEnumerable<string> contentItemIds)
    {
        var ids = contentItemIds.ToList();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<ContactIndex>().Where(x => x.Latest && ids.Contains(x.ContentItemId)).Select(x => x.MemberId).ToListAsync();
    }

    public static JsonObject Contact(int memberId, int personId, int category, string? start = null, string? end = null) => new()
    {
        ["ContentType"] = "Contact",
        ["Published"] = true,
        ["ContactPart"] = new JsonObject
        {
            ["MemberId"] = memberId, ["PersonId"] = personId, ["Category"] = category, ["StartDate"] = start, ["EndDate"] = end,
        },
    };

    public static async Task<List<string>> ApiIdsAsync(HttpClient client)
    {
        var json = (await client.GetFromJsonAsync<JsonObject>("/api/content?type=Contact&pageSize=100", TestContext.Current.CancellationToken))!;
        return [.. json["items"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>())];
    }

    private static async Task<PartyMember> MemberAsync(LiaisonDbContext db, string number, string user, string branch, string name)
    {
        var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Number == number);
        if (member is null)
        {
            member = new PartyMember { Number = number, Name = name, BranchId = branch, UserName = user };
            db.Add(member);
            await db.SaveChangesAsync();
        }

        return member;
    }

    private static async Task<MassPerson> PersonAsync(LiaisonDbContext db, PersonKind kind, string number, string name, string branch)
    {
        var person = new MassPerson { Kind = kind, Number = number, Name = name, BranchId = branch, Grade = "高一", ClassName = "1班" };
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private static async Task<string> ContactAsync(IContentManager contents, int memberId, int personId, int category, DateOnly? start)
    {
        var item = await contents.NewAsync("Contact");
        item.Apply(new ContactPart { MemberId = memberId, PersonId = personId, Category = category, StartDate = start });
        await contents.CreateAsync(item, VersionOptions.Published);
        return item.ContentItemId;
    }
}

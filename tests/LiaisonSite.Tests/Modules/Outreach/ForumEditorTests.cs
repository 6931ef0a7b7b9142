using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Outreach;

/// <summary>A forum's attendees (members and masses from the roster) and photos, through the real editor (SPEC R4).</summary>
[Collection(TalksCollection.Name)]
public sealed class ForumEditorTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    private static string I(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> PostForumAsync(HttpClient client, string title, IEnumerable<KeyValuePair<string, string>> attendees)
    {
        var page = await client.GetStringAsync("/admin/contents/new/Forum", Ct);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", SiteFactory.AntiforgeryToken(page)),
            new("TitlePart.Title", title),
            new("ForumPart.Kind", "1"),
            new("ForumPart.Date", "2026-11-20"),
            new("ForumPart.HostMemberId", I(await site.MemberIdAsync("D101"))),
            new("ForumPart.Topics", "听取意见"),
        };
        fields.AddRange(attendees);
        return await client.PostAsync("/admin/contents/new/Forum/publish", new FormUrlEncodedContent(fields), Ct);
    }

    private Task<JsonObject?> ForumPartAsync(string title) => site.WithDbAsync(async db =>
        (await db.ContentItems.AsNoTracking().Where(c => c.ContentType == "Forum" && c.Latest && c.DisplayText == title).ToListAsync(Ct))
            .Select(c => c.Content["ForumPart"] as JsonObject).SingleOrDefault());

    [Fact]
    public async Task ASecretary_NamesTheAttendingMembersAndMasses_AndTheEditorShowsThemChosen()
    {
        var secretary = await site.SignInAsync("secretary1");
        var (d102, d103, j002) = (await site.MemberIdAsync("D102"), await site.MemberIdAsync("D103"), await site.PersonIdAsync("J002"));
        var title = "座谈会 " + Guid.NewGuid().ToString("N")[..8];

        var saved = await PostForumAsync(secretary, title,
        [
            new("ForumPart.AttendingMemberIds", I(d102)), new("ForumPart.AttendingMemberIds", I(d103)),
            new("ForumPart.AttendingPersonIds", I(j002)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var part = Assert.IsType<JsonObject>(await ForumPartAsync(title));
        Assert.Equal([d102, d103], part["AttendingMemberIds"]!.AsArray().Select(n => n!.GetValue<int>()).Order());
        Assert.Equal([j002], part["AttendingPersonIds"]!.AsArray().Select(n => n!.GetValue<int>()));
        var editor = await secretary.GetStringAsync(saved.Headers.Location!.OriginalString, Ct);
        Assert.Matches($"<option value=\"{j002}\" selected=\"selected\">", editor);
        Assert.Contains("data-search=", editor);
    }

    [Fact]
    public async Task AnAttendeeWhoIsNotOnTheRoster_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var secretary = await site.SignInAsync("secretary1");
        var title = "座谈会 " + Guid.NewGuid().ToString("N")[..8];

        var refused = await PostForumAsync(secretary, title, [new("ForumPart.AttendingPersonIds", "987654321")]);

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("参加的师生群众中有人不在花名册上", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Null(await ForumPartAsync(title));
    }

    [Fact]
    public async Task TheDemoForum_HasItsAttendeesByNumber_AndAForumHasAPhotosField()
    {
        var part = await site.WithDbAsync(async db => (await db.ContentItems.AsNoTracking()
            .SingleAsync(c => c.ContentItemId == "forum-branch1" && c.Latest, Ct)).Content["ForumPart"] as JsonObject);
        Assert.Contains(await site.MemberIdAsync("D102"), part!["AttendingMemberIds"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal(4, part["AttendingPersonIds"]!.AsArray().Count);
        Assert.Null(part["AttendingMemberNumbers"]);

        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        var type = (await definitions.GetTypeAsync("Forum"))!;
        Assert.Contains(type.Parts, p => p.PartName == "Forum");
        var forumPart = (await definitions.GetPartAsync("Forum"))!;
        Assert.Contains(forumPart.Fields, f => f.Name == "Photos" && f.FieldName == "MediaField");
    }
}

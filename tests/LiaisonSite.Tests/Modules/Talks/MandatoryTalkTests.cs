using System.Globalization;
using System.Net;
using Liaison.Talks.Data;
using Liaison.Talks.Obligations;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>
/// 五必谈 (SPEC R3) through the real pages: a secretary records a personnel event, a talk falls due for the member
/// who contacts the person (15 days by default), shows on 我的联系工作, goes overdue, and a talk closes it.
/// Each test records its own event for its own person so that tests sharing the site do not meet.
/// </summary>
[Collection(TalksCollection.Name)]
public sealed class MandatoryTalkTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today;
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> RecordAsync(HttpClient secretary, int personId, int kind, DateOnly date, int? memberId = null)
        => await SiteFactory.PostFormAsync(secretary, "/admin/talks/events", "/admin/talks/events", new()
        {
            ["personId"] = personId.ToString(CultureInfo.InvariantCulture), ["kind"] = kind.ToString(CultureInfo.InvariantCulture),
            ["date"] = D(date), ["note"] = "测试", ["memberId"] = memberId?.ToString(CultureInfo.InvariantCulture) ?? "",
        });

    private Task<List<TalkObligation>> ObligationsAsync(int personId, int kind)
        => site.WithDbAsync(db => db.Set<TalkObligation>().AsNoTracking().Where(o => o.PersonId == personId && o.Occasion == kind).ToListAsync(Ct));

    [Fact]
    public async Task RecordingAPromotion_MakesATalkDueIn15Days_ForTheMemberWhoContactsThePerson()
    {
        // S007 is contacted by member1 (D102) in the demo (the demo's own event for S007 is another occasion).
        var person = await site.PersonIdAsync("S007");
        var today = await TodayAsync();

        var response = await RecordAsync(await site.SignInAsync("secretary1"), person, 1, today);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var due = Assert.Single(await ObligationsAsync(person, 1));
        Assert.Equal(await site.MemberIdAsync("D102"), due.MemberId);
        Assert.Equal(today.AddDays(15), due.DueDate);
        Assert.Null(due.ClosedDate);
        Assert.Equal(ObligationStatus.Due, ObligationService.StatusOf(due.ClosedDate, due.DueDate, today));
        var myWork = await (await site.SignInAsync("member1")).GetStringAsync("/admin/my-work", Ct);
        Assert.Contains($"/admin/my-work/talks/new?obligation={due.Id}", myWork);
    }

    [Fact]
    public async Task AnEventLongerAgoThanTheDeadline_IsOverdue_OnTheMembersAndTheBranchsPage()
    {
        // J014 is contacted by member2 (D103).
        var person = await site.PersonIdAsync("J014");
        var today = await TodayAsync();

        await RecordAsync(await site.SignInAsync("secretary1"), person, 3, today.AddDays(-20));

        var due = Assert.Single(await ObligationsAsync(person, 3));
        Assert.Equal(ObligationStatus.Overdue, ObligationService.StatusOf(due.ClosedDate, due.DueDate, today));
        var memberPage = await (await site.SignInAsync("member2")).GetStringAsync("/admin/my-work", Ct);
        Assert.Contains($"obligation={due.Id}", memberPage);
        Assert.Contains("已逾期", memberPage);
        var branchPage = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/talks/events", Ct);
        Assert.Contains("data-status=\"Overdue\"", branchPage);
    }

    [Fact]
    public async Task RecordingTheTalkOnThatOccasion_ClosesIt_AndAnotherOccasionDoesNot()
    {
        var person = await site.PersonIdAsync("J002"); // member1's contact
        var today = await TodayAsync();
        await RecordAsync(await site.SignInAsync("secretary1"), person, 5, today.AddDays(-1));
        var member1 = await site.SignInAsync("member1");

        var regular = await PostTalkAsync(member1, person, occasion: 0, today);
        Assert.Equal(HttpStatusCode.Redirect, regular.StatusCode);
        Assert.Null(Assert.Single(await ObligationsAsync(person, 5)).ClosedDate);

        var mandatory = await PostTalkAsync(member1, person, occasion: 5, today);

        Assert.Equal(HttpStatusCode.Redirect, mandatory.StatusCode);
        var closed = Assert.Single(await ObligationsAsync(person, 5));
        Assert.Equal(today, closed.ClosedDate);
        Assert.NotNull(closed.TalkContentItemId);
        Assert.DoesNotContain($"obligation={closed.Id}", await member1.GetStringAsync("/admin/my-work", Ct));
    }

    [Fact]
    public async Task AMemberCannotRecordEvents_AndASecretaryOnlyForTheirBranch()
    {
        var person2 = await site.PersonIdAsync("J006"); // a branch-2 person
        var before = await site.WithDbAsync(db => db.Set<PersonnelEvent>().CountAsync(Ct));

        var member = await (await site.SignInAsync("member1")).GetAsync("/admin/talks/events", Ct);
        var other = await RecordAsync(await site.SignInAsync("secretary1"), person2, 1, await TodayAsync());

        // The site answers a signed-in user without the right with its access-denied page (its 403).
        Assert.StartsWith("/access-denied", member.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<PersonnelEvent>().CountAsync(Ct)));
    }

    [Fact]
    public async Task TheShortForm_RefusesAFutureDateAndAMissingSummary_WithAMessage_AndSavesNothing()
    {
        var member1 = await site.SignInAsync("member1");
        var before = await site.WithDbAsync(db => db.Set<TalkIndex>().CountAsync(Ct));
        var person = await site.PersonIdAsync("J002");

        var response = await SiteFactory.PostFormAsync(member1, "/admin/my-work/talks/new", "/admin/my-work/talks/new", new()
        {
            ["TalkPart.PersonId"] = person.ToString(CultureInfo.InvariantCulture), ["TalkPart.Date"] = D((await TodayAsync()).AddDays(3)),
            ["TalkPart.Occasion"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("谈心日期不能晚于今天", html);
        Assert.Contains("请填写谈心内容", html);
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<TalkIndex>().CountAsync(Ct)));
    }

    [Fact]
    public async Task TheDashboard_MarksOverdueMandatoryTalks_ForTheBranchAndTheCommittee_NotForAnEditor()
    {
        // The demo has an overdue mandatory talk in branch 1 (member1, S007) and others in branches 2 and 3.
        var secretary = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin", Ct);
        var committee = await (await site.SignInAsync("committee1")).GetStringAsync("/admin", Ct);
        var editor = await (await site.SignInAsync("editor1")).GetStringAsync("/admin", Ct);

        Assert.Matches("有 \\d+ 项必谈已逾期", secretary);
        Assert.Matches("有 \\d+ 项必谈已逾期", committee);
        Assert.DoesNotContain("项必谈", editor);
    }

    private async Task<HttpResponseMessage> PostTalkAsync(HttpClient member, int personId, int occasion, DateOnly date)
        => await SiteFactory.PostFormAsync(member, "/admin/my-work/talks/new", "/admin/my-work/talks/new", new()
        {
            ["TalkPart.PersonId"] = personId.ToString(CultureInfo.InvariantCulture), ["TalkPart.Date"] = D(date),
            ["TalkPart.Occasion"] = occasion.ToString(CultureInfo.InvariantCulture), ["TalkPart.Place"] = "办公室",
            ["TalkPart.Topics"] = "Thinking", ["TalkPart.Summary"] = "谈了近期工作和思想情况。",
        });
}

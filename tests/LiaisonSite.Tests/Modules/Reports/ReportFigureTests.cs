using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using Liaison.Reports.Figures;
using Liaison.Reports.Inspections;
using Liaison.Reports.Parts;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// The figures of issue 12 beyond talks and mandatory talks: forums attended (Outreach's hosts and attendees),
/// follow-up items opened at the period's talks and closed in it (the school day the closing was saved), on the
/// report, the inspection and its export. Each test records its own talk and forum and compares before and after.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportFigureTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private async Task<(SchoolPeriod Quarter, SchoolPeriod Half, DateOnly Today)> PeriodsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<ISchoolClock>();
        return (clock.Quarter, clock.HalfYear, clock.Today);
    }

    private async Task<ReportFigures> FiguresAsync(int memberId, SchoolPeriod period)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportFiguresService>().ForMemberAsync(memberId, period.Start, period.End, Ct);
    }

    private async Task<InspectionMemberLine> LineAsync(string number, SchoolPeriod half)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var sheet = await scope.ServiceProvider.GetRequiredService<InspectionService>().ComputeAsync("branch-1", "branch-1", half, Ct);
        return sheet.Members.Single(m => m.Number == number);
    }

    private static async Task<string> CreateAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/content", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContentItemId"]!.GetValue<string>();
    }

    [Fact]
    public async Task ForumsAttended_AndFollowUpsOpenedAndClosed_AreCounted_OnTheReportAndTheInspection()
    {
        var (quarter, half, today) = await PeriodsAsync();
        var member1 = await site.MemberIdAsync("D102");
        var colleague = await site.MemberIdAsync("D103");
        var person = await site.WithDbAsync(db => db.Set<MassPerson>().Select(p => p.Id).FirstAsync(Ct));
        var before = await FiguresAsync(member1, quarter);
        var colleagueBefore = await FiguresAsync(colleague, quarter);
        var lineBefore = await LineAsync("D102", half);
        var secretary1 = await site.SignInAsync("secretary1");
        var client = await site.SignInAsync("member1");
        var date = today.ToString("yyyy-MM-dd");

        // A talk today with two follow-up items; a forum member1 hosts and a colleague attends; a forum of long ago.
        var talk = await CreateAsync(client, new JsonObject
        {
            ["ContentType"] = "Talk",
            ["Published"] = true,
            ["TalkPart"] = new JsonObject
            {
                ["MemberId"] = member1, ["PersonId"] = person, ["Date"] = date, ["Occasion"] = 0, ["Summary"] = "了解实习安排。",
                ["FollowUps"] = new JsonArray(
                    new JsonObject { ["Id"] = "fig-a", ["Text"] = "联系教务处落实实习单位。", ["DueDate"] = date },
                    new JsonObject { ["Id"] = "fig-b", ["Text"] = "一周后回访。", ["DueDate"] = date }),
            },
        });
        JsonObject Forum(string day, params int[] attendees) => new()
        {
            ["ContentType"] = "Forum",
            ["Published"] = true,
            ["TitlePart"] = new JsonObject { ["Title"] = "师生座谈会" },
            ["ForumPart"] = new JsonObject
            {
                ["Kind"] = 1, ["Date"] = day, ["HostMemberId"] = member1, ["Topics"] = "听取师生意见。",
                ["AttendingMemberIds"] = new JsonArray([.. attendees.Select(a => (JsonNode)a)]),
            },
        };
        await CreateAsync(secretary1, Forum(date, colleague, member1));
        await CreateAsync(secretary1, Forum(quarter.Start.AddYears(-3).ToString("yyyy-MM-dd"), colleague));

        var opened = await FiguresAsync(member1, quarter);
        Assert.Equal(before.FollowUpsOpened + 2, opened.FollowUpsOpened);
        Assert.Equal(before.FollowUpsOpen + 2, opened.FollowUpsOpen);
        Assert.Equal(before.FollowUpsClosed, opened.FollowUpsClosed);
        Assert.Equal(before.ForumsAttended + 1, opened.ForumsAttended); // hosting and attending one forum is one forum
        Assert.Equal(colleagueBefore.ForumsAttended + 1, (await FiguresAsync(colleague, quarter)).ForumsAttended);

        // Closing one item on the follow-up list counts it as closed today.
        var closed = await SiteFactory.PostFormAsync(client, "/admin/follow-ups", "/admin/follow-ups/close",
            new() { ["source"] = "Talk", ["key"] = $"{talk}:fig-a", ["note"] = "已落实。" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await FiguresAsync(member1, quarter);
        Assert.Equal(before.FollowUpsOpened + 2, after.FollowUpsOpened);
        Assert.Equal(before.FollowUpsOpen + 1, after.FollowUpsOpen);
        Assert.Equal(before.FollowUpsClosed + 1, after.FollowUpsClosed);

        // The inspection of the half-year counts the same, and so does its export.
        var line = await LineAsync("D102", half);
        Assert.Equal(lineBefore.ForumsAttended + 1, line.ForumsAttended);
        Assert.Equal(lineBefore.FollowUpsClosed + 1, line.FollowUpsClosed);
        var html = await secretary1.GetStringAsync($"/admin/inspections?branch=branch-1&half={half.Key}", Ct);
        Assert.Contains("参加座谈会", html);
        Assert.Contains($"data-cell=\"forums\">{line.ForumsAttended}<", html);
        var export = await secretary1.GetAsync($"/admin/inspections/export?branch=branch-1&half={half.Key}", Ct);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var row = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "党员情况").Cast<IDictionary<string, object>>().Single(m => (string)m["工号"] == "D102");
        Assert.Equal(line.ForumsAttended, Convert.ToInt32(row["参加座谈会"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(line.FollowUpsClosed, Convert.ToInt32(row["办结跟进事项"], System.Globalization.CultureInfo.InvariantCulture));

        // Talks' records: both items, the closed one with the school day of its closing.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<Liaison.Talks.Contracts.ITalkFollowUpRecords>().FollowUps()
                .Where(f => f.ContentItemId == talk).ToListAsync(Ct);
            Assert.Equal(2, rows.Count);
            Assert.Equal(today, rows.Single(r => r.Closed).ClosedDate);
        }
    }

    [Fact]
    public async Task AVisitRecordedByALeadingCadre_IsCounted_ForThatCadre()
    {
        var (quarter, half, today) = await PeriodsAsync();
        var cadre = await site.WithDbAsync(db => db.Set<PartyMember>().FirstAsync(m => m.UserName == "secretary1", Ct));
        var unit = await Organization.OrganizationSeed.EnsureUnitAsync(site.Services, "汇报测试语文组", Liaison.Organization.Data.UnitKind.TeachingSection);
        await site.WithDbAsync(async db =>
        {
            var member = await db.Set<PartyMember>().FirstAsync(m => m.Id == cadre.Id, Ct);
            member.IsLeadingCadre = true;
            if (!await db.Set<Liaison.Organization.Data.ContactPoint>().AnyAsync(p => p.MemberId == cadre.Id && p.UnitId == unit.Id, Ct))
            {
                db.Add(new Liaison.Organization.Data.ContactPoint { MemberId = cadre.Id, Kind = Liaison.Organization.Contracts.ContactPointKind.TeachingSection, UnitId = unit.Id });
            }

            return await db.SaveChangesAsync(Ct);
        });
        var before = await FiguresAsync(cadre.Id, quarter);
        var lineBefore = await LineAsync(cadre.Number, half);

        var recorded = await SiteFactory.PostFormAsync(await site.SignInAsync("secretary1"), "/admin/organization/visits", "/admin/organization/visits", new()
        {
            ["UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = today.ToString("yyyy-MM-dd"),
            ["WhatWasDone"] = "走访语文组，听取青年教师意见。",
        });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(before.Visits + 1, (await FiguresAsync(cadre.Id, quarter)).Visits);
        Assert.Equal(lineBefore.Visits + 1, (await LineAsync(cadre.Number, half)).Visits);
    }

    [Fact]
    public async Task AHandedInReport_ShowsTheNewFigures_FrozenAsHandedIn()
    {
        const string quarter = "2018-Q2";
        var member1 = await site.MemberIdAsync("D102");
        var client = await site.SignInAsync("member1");
        var secretary1 = await site.SignInAsync("secretary1");
        await CreateAsync(secretary1, new JsonObject
        {
            ["ContentType"] = "Forum",
            ["Published"] = true,
            ["TitlePart"] = new JsonObject { ["Title"] = "师生座谈会" },
            ["ForumPart"] = new JsonObject
            {
                ["Kind"] = 1, ["Date"] = "2018-05-04", ["HostMemberId"] = await site.MemberIdAsync("D103"), ["Topics"] = "五四座谈。",
                ["AttendingMemberIds"] = new JsonArray(member1),
            },
        });
        var expected = await FiguresAsync(member1, Quarters.Parse(quarter)!);
        Assert.True(expected.ForumsAttended >= 1);

        var id = await ReportsSite.HandInAsync(client, quarter);

        var page = await client.GetStringAsync($"/admin/my-work/reports/{id}", Ct);
        Assert.Contains($"data-figure=\"forums\">{expected.ForumsAttended}<", page);
        Assert.Contains("data-figure=\"follow-ups-closed\"", page);
        Assert.Contains("参加座谈会", page);
    }
}

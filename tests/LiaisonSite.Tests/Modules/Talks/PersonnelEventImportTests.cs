using System.Globalization;
using System.Net;
using System.Text;
using Liaison.Talks.Data;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>
/// 五必谈 from the personnel office's .xlsx (SPEC R3): upload → preview with every row checked → confirm records only the
/// valid rows, as the roster import. This class alone records events for J003 (a branch-1 person) on occasion 2.
/// </summary>
[Collection(TalksCollection.Name)]
public sealed class PersonnelEventImportTests(TalksSite site)
{
    private const string ImportPage = "/admin/talks/events/import";

    private static CancellationToken Ct => TalksSite.Ct;

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today;
    }

    private static Dictionary<string, object> Row(string number, string name, string kind, string date, string member = "")
        => new() { ["学号/工号"] = number, ["姓名"] = name, ["事件类别"] = kind, ["日期"] = date, ["说明"] = "人事处导入", ["谈话党员工号"] = member };

    private static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(HttpClient client, byte[] file, string name)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync(ImportPage, Ct));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        var response = await client.PostAsync(ImportPage, content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
    }

    private Task<List<PersonnelEvent>> EventsAsync(int personId, int kind, DateOnly date)
        => site.WithDbAsync(db => db.Set<PersonnelEvent>().AsNoTracking().Where(e => e.PersonId == personId && e.Kind == kind && e.Date == date).ToListAsync(Ct));

    [Fact]
    public async Task APreview_ChecksEveryRow_RecordsNothing_AndConfirmingRecordsOnlyTheValidRowsOnce()
    {
        var date = (await TodayAsync()).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var j003 = await site.PersonIdAsync("J003");
        var file = RosterImportSupport.Xlsx(
            Row("J003", "魏婉婷", "奖励", date, member: "D102"),   // row 2: valid ("奖励" is occasion 2)
            Row("J005", "金佳慧", "2", date, member: "D102"),      // row 3: a branch-2 person
            Row("J999", "", "2", date),                            // row 4: no such number
            Row("J003", "张三", "2", date, member: "D102"),        // row 5: the name is not the roster's
            Row("J004", "姜家乐", "出差", date, member: "D102"),    // row 6: not one of the five
            Row("J003", "魏婉婷", "2", date, member: "D102"));     // row 7: the same event as row 2
        var secretary = await site.SignInAsync("secretary1");

        var (upload, preview) = await UploadAsync(secretary, file, "人事事件.xlsx");

        Assert.StartsWith($"{ImportPage}/preview/", upload.Headers.Location!.OriginalString);
        Assert.Contains("1 行可以登记；5 行有错误", preview);
        Assert.Contains("data-row=\"2\"", preview);
        Assert.Contains("李静 (D102)", preview); // member1, named as the member the talk falls due for
        Assert.Contains("您管理的支部中没有学号/工号为 J005 的人员", preview);
        Assert.Contains("您管理的支部中没有学号/工号为 J999 的人员", preview);
        Assert.Contains("姓名“张三”与花名册中 J003 的姓名不符", preview);
        Assert.Contains("“出差”不是五必谈的情形之一", preview);
        Assert.Contains("文件前面的行已有同一事件", preview);
        Assert.Empty(await EventsAsync(j003, 2, DateOnly.Parse(date, CultureInfo.InvariantCulture)));

        var previewUrl = upload.Headers.Location!.OriginalString;
        var confirmed = await SiteFactory.PostFormAsync(secretary, previewUrl, previewUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("已登记 1 个事件：1 名党员须按时谈心谈话。5 行有错误", await secretary.GetStringAsync(confirmed.Headers.Location!.OriginalString, Ct));
        var recorded = Assert.Single(await EventsAsync(j003, 2, DateOnly.Parse(date, CultureInfo.InvariantCulture)));
        var obligation = Assert.Single(await site.WithDbAsync(db => db.Set<TalkObligation>().AsNoTracking().Where(o => o.EventId == recorded.Id).ToListAsync(Ct)));
        Assert.Equal(await site.MemberIdAsync("D102"), obligation.MemberId);
        Assert.Equal(recorded.Date.AddDays(15), obligation.DueDate);
        Assert.Equal("人事处导入", recorded.Note);

        // The token is used once; the same file again finds the event already recorded.
        var again = await secretary.GetAsync(previewUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (_, second) = await UploadAsync(secretary, file, "人事事件.xlsx");
        Assert.Contains("该事件已经登记过", second);
        Assert.Contains("0 行可以登记", second);
        Assert.Single(await EventsAsync(j003, 2, DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AnUpload_IsOnlyTheUploaders_AndAFileThatIsNoSpreadsheet_IsRefusedWithAMessage()
    {
        var date = (await TodayAsync()).AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var secretary = await site.SignInAsync("secretary1");
        var (upload, _) = await UploadAsync(secretary, RosterImportSupport.Xlsx(Row("J003", "魏婉婷", "2", date, member: "D102")), "a.xlsx");
        var previewUrl = upload.Headers.Location!.OriginalString;

        var committee = await site.SignInAsync("committee1");
        var other = await committee.GetAsync(previewUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(ImportPage, other.Headers.Location!.OriginalString);
        var stolen = await SiteFactory.PostFormAsync(committee, ImportPage, previewUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Empty(await EventsAsync(await site.PersonIdAsync("J003"), 2, DateOnly.Parse(date, CultureInfo.InvariantCulture)));

        var (_, refused) = await UploadAsync(secretary, Encoding.UTF8.GetBytes("\0\0not a sheet"), "events.xlsx");
        Assert.Contains("文件未导入", refused);
        Assert.Contains("只能导入 .xlsx 或 .csv", refused);
        var (_, noColumns) = await UploadAsync(secretary, RosterImportSupport.Csv("姓名,说明", "魏婉婷,无"), "events.csv");
        Assert.Contains("文件缺少“学号/工号、事件类别、日期”列", noColumns);
    }

    [Fact]
    public async Task TheTemplate_HasTheColumnsTheImportReads_AndAMemberCannotImport()
    {
        var secretary = await site.SignInAsync("secretary1");
        var template = await secretary.GetByteArrayAsync($"{ImportPage}/template", Ct);
        RosterImportSupport.ReadXlsx(template, out var rows);
        var header = Assert.Single(rows).Keys.ToList();
        Assert.Equal(["类别(教职工/学生)", "学号/工号", "姓名", "事件类别", "日期", "说明", "谈话党员工号"], header);

        var member = await site.SignInAsync("member1");
        var page = await member.GetAsync(ImportPage, Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("access-denied", page.Headers.Location!.OriginalString);
    }
}

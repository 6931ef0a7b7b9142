using System.Net;
using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Admin;

/// <summary>
/// Issue 15, part A, through the real pipeline: the refusal page a signed-in user meets, forms that say what is
/// wrong next to the field and keep what was typed, and history and lists that show people's names.
/// </summary>
public sealed partial class AdminExperienceTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdminPageTheUserMayNotOpen_IsA403InTheAdminTheme_SayingWhomToAsk()
    {
        var member = await site.SignInAsync("member1");

        // A resource check (the content editor's, on an item of the committee) refuses with a plain 403, which the
        // pipeline renders through /error/403; a missing permission goes to /access-denied, also a 403.
        var response = await member.GetAsync("/admin/contents/branch-1/edit", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("您无权访问此页面", html, StringComparison.Ordinal);
        Assert.Contains("支部书记", html, StringComparison.Ordinal);
        Assert.DoesNotContain("页面出错了", html, StringComparison.Ordinal);
        Assert.Contains("id=\"admin-sidebar\"", html, StringComparison.Ordinal); // the admin layout, with the user's menu
        Assert.Contains("href=\"/admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedForm_ShowsTheErrorNextToItsField_KeepsWhatWasTyped_AndNoEmptyAlert()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var blank = await admin.GetStringAsync("/admin/roles/create", Ct);
        var refused = await SiteFactory.PostFormAsync(admin, "/admin/roles/create", "/admin/roles/create", new()
        {
            ["Name"] = "bad name with spaces!",
            ["Description"] = "班主任联络组",
        });
        var html = await refused.Content.ReadAsStringAsync(Ct);

        // The empty summary is rendered hidden (validation-summary-valid, display: none in the admin CSS).
        Assert.Matches("class=\"[^\"]*validation-summary-valid", blank);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var field = NameInput().Match(html);
        Assert.True(field.Success, "the Name input is on the refused form");
        Assert.Contains("is-invalid", field.Value, StringComparison.Ordinal);
        Assert.Contains("value=\"bad name with spaces!\"", field.Value, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Name-error\"", field.Value, StringComparison.Ordinal);
        var feedback = Regex.Match(html, "<div class=\"invalid-feedback d-block\" id=\"Name-error\">([^<]+)</div>");
        Assert.True(feedback.Success, "the message sits next to the field");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", feedback.Groups[1].Value);
        Assert.Contains("value=\"班主任联络组\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentHistoryAndList_ShowPeoplesNames_NotLoginNames()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var list = await admin.GetStringAsync("/admin/contents?type=PartyBranch&q=" + Uri.EscapeDataString("第三党支部"), Ct);
        var history = await admin.GetStringAsync("/admin/contents/branch-3/versions", Ct);

        // The demo's branch-3 is owned and written by committee1, whose name is 陈志远; the login stays as the cell's title.
        Assert.Contains("<td title=\"committee1\">陈志远</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td title=\"committee1\">陈志远</td>", history, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>committee1</td>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboard_GivesASecretaryBlocksOfTheirWork_LinkingToWhereItIsDone()
    {
        var secretary = await site.SignInAsync("secretary1");
        var editor = await site.SignInAsync("editor1");

        var html = await secretary.GetStringAsync("/admin", Ct);
        var editors = await editor.GetStringAsync("/admin", Ct);

        Assert.Contains("联系覆盖情况", html, StringComparison.Ordinal);
        Assert.Contains("年级和学科覆盖情况", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/contacts\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/organization/coverage\"", html, StringComparison.Ordinal);
        Assert.Contains("等待您审核", editors, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/inbox\"", editors, StringComparison.Ordinal);
        Assert.DoesNotContain("联系覆盖情况", editors, StringComparison.Ordinal); // an editor manages no branch
    }

    [Fact]
    public async Task TheDashboard_GivesAMemberTheirTalksAndContacts_AndASecretaryTheObjectionsToAnswer()
    {
        var member = await site.SignInAsync("member1");
        var secretary = await site.SignInAsync("secretary1");

        var members = await member.GetStringAsync("/admin?dashboard=1", Ct); // a member lands on 我的联系工作; the dashboard is one click away
        var secretarys = await secretary.GetStringAsync("/admin", Ct);

        Assert.Contains("我的谈心谈话", members, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/my-work/talks/new\"", members, StringComparison.Ordinal);
        Assert.Contains("我的联系对象", members, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/my-work\"", members, StringComparison.Ordinal);
        Assert.DoesNotContain("公示异议", members, StringComparison.Ordinal); // a member answers no objection

        Assert.Contains("公示异议", secretarys, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/notices/objections\"", secretarys, StringComparison.Ordinal);
        Assert.DoesNotContain("我的联系对象", secretarys, StringComparison.Ordinal); // the secretary sees the branch's blocks
    }

    [Fact]
    public async Task TheDashboard_GivesTheCommitteeEveryBranchSideBySide_AndNobodyElse()
    {
        var committee = await site.SignInAsync("committee1", SiteFactory.DemoPassword);
        var secretary = await site.SignInAsync("secretary1", SiteFactory.DemoPassword);

        var html = await committee.GetStringAsync("/admin", Ct);
        var secretarys = await secretary.GetStringAsync("/admin", Ct);

        Assert.Contains("各支部对比", html, StringComparison.Ordinal);
        Assert.Contains("查看各支部对比", html, StringComparison.Ordinal);
        // A line per branch with its figures, linking to that branch's inspection of the half-year.
        Assert.Matches("第一党支部[^：<]*：联系对象覆盖 \\d+%，必谈逾期 \\d+ 次，季度汇报按时 \\d+/\\d+", html);
        Assert.Matches("href=\"/admin/inspections\\?branch=[^\"]+&amp;half=\\d{4}-H[12]\"", html);
        // A secretary inspects their own branch only: no comparison of the others.
        Assert.DoesNotContain("各支部对比", secretarys, StringComparison.Ordinal);
    }

    [GeneratedRegex("<input[^>]*name=\"Name\"[^>]*>")]
    private static partial Regex NameInput();
}

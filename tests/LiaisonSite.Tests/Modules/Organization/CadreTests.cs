using System.Net;
using Liaison.Organization.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>R2/R6: cadre contact points (only leading cadres, one 教研室 and one 联系点) and the coverage view.</summary>
public sealed class CadreTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await OrganizationSeed.EnsureDemoMembersAsync(site.Services);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ContactPoints_ForAMemberWhoIsNoCadre_AreRefused()
    {
        var member = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1010", "普通党员", "branch-1");
        var section = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试语文教研室", UnitKind.TeachingSection);
        var unit = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试教务处", UnitKind.GrassrootsUnit);

        var response = await PostPointsAsync(member.Id, [new("TeachingSectionIds", Id(section)), new("GrassrootsUnitIds", Id(unit))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只有领导干部才设置联系点", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, await PointCountAsync(member.Id));
    }

    [Fact]
    public async Task ContactPoints_WithTwoTeachingSections_AreRefused_AndNothingChanges()
    {
        var cadre = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1011", "干部甲", "branch-1", cadre: true);
        var first = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试数学教研室", UnitKind.TeachingSection);
        var second = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试英语教研室", UnitKind.TeachingSection);
        var unit = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试学生处", UnitKind.GrassrootsUnit);

        var response = await PostPointsAsync(cadre.Id,
            [new("TeachingSectionIds", Id(first)), new("TeachingSectionIds", Id(second)), new("GrassrootsUnitIds", Id(unit))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择且只能选择一个联系教研室", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, await PointCountAsync(cadre.Id));
    }

    [Fact]
    public async Task ContactPoints_ForACadre_KeepSeveralGradesAndSubjects_AndOneUnitOfEachKind()
    {
        var cadre = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1012", "干部乙", "branch-1", cadre: true);
        var section = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试物理教研室", UnitKind.TeachingSection);
        var unit = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试总务处", UnitKind.GrassrootsUnit);

        var missing = await PostPointsAsync(cadre.Id, [new("TeachingSectionIds", Id(section))]);
        var saved = await PostPointsAsync(cadre.Id,
        [
            new("Grades", "高一"), new("Grades", "高二"), new("Subjects", "物理、化学"),
            new("TeachingSectionIds", Id(section)), new("GrassrootsUnitIds", Id(unit)),
        ]);

        Assert.Contains("请选择且只能选择一个基层联系点", await missing.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var points = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<ContactPoint>()
            .Where(p => p.MemberId == cadre.Id).ToListAsync(Cancel));
        Assert.Equal(["高一", "高二"], points.Where(p => p.Kind == ContactPointKind.Grade).Select(p => p.Value).Order());
        Assert.Equal(["化学", "物理"], points.Where(p => p.Kind == ContactPointKind.Subject).Select(p => p.Value).Order());
        Assert.Equal(section.Id, Assert.Single(points, p => p.Kind == ContactPointKind.TeachingSection).UnitId);
        Assert.Equal(unit.Id, Assert.Single(points, p => p.Kind == ContactPointKind.GrassrootsUnit).UnitId);
    }

    [Fact]
    public async Task Coverage_HighlightsAGradeNobodyCovers_AndNamesTheCadreOfACoveredOne()
    {
        var cadre = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T0901", "覆盖干部", "branch-committee", cadre: true);
        await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "TS801", "学生八", "branch-1", grade: "测试八年级");
        await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "TS901X", "学生九", "branch-1", grade: "测试九年级");
        await OrganizationSeed.QueryAsync(site.Services, async db =>
        {
            db.Add(new ContactPoint { MemberId = cadre.Id, Kind = ContactPointKind.Grade, Value = "测试八年级" });
            return await db.SaveChangesAsync(Cancel);
        });

        var html = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/organization/coverage", Cancel);

        Assert.Contains("data-covered=\"false\">", RowOf(html, "测试九年级"));
        Assert.Contains("data-covered=\"true\">", RowOf(html, "测试八年级"));
        Assert.Contains("覆盖干部", RowOf(html, "测试八年级"));
    }

    [Fact]
    public async Task Coverage_ForASecretary_ShowsOnlyTheirBranchsGrades()
    {
        await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "TS701", "学生七", "branch-2", grade: "测试七年级");

        var secretary = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/organization/coverage", Cancel);
        var committee = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/organization/coverage", Cancel);

        Assert.DoesNotContain("测试七年级", secretary);
        Assert.Contains("测试七年级", committee);
    }

    /// <summary>The table row around a name: from the last &lt;tr before it to the &lt;/tr&gt; after it.</summary>
    private static string RowOf(string html, string name)
    {
        var at = html.IndexOf(name, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name} is not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private async Task<HttpResponseMessage> PostPointsAsync(int memberId, List<KeyValuePair<string, string>> fields)
    {
        var client = await site.SignInAsync("secretary1");
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync($"/admin/organization/members/{memberId}", Cancel));
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync($"/admin/organization/members/{memberId}/contact-points", new FormUrlEncodedContent(fields), Cancel);
    }

    private Task<int> PointCountAsync(int memberId)
        => OrganizationSeed.QueryAsync(site.Services, db => db.Set<ContactPoint>().CountAsync(p => p.MemberId == memberId, Cancel));

    private static string Id(Unit unit) => unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

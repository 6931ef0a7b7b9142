using System.Globalization;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>The demo's ContactPoints step: cadres cover some grades, subjects and units, and the coverage shows it.</summary>
public sealed class ContactPointsStepTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRecipe_FixesEachCadreToOneSectionAndOneUnit_AndCoverageShowsCoveredAndUncovered()
    {
        var points = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<ContactPoint>().AsNoTracking()
            .Include(p => p.Member).Include(p => p.Unit).ToListAsync(Cancel));
        var d001 = points.Where(p => p.Member!.Number == "D001").ToList();

        Assert.Equal(5, points.Select(p => p.MemberId).Distinct().Count());
        Assert.Single(d001, p => p.Kind == ContactPointKind.TeachingSection && p.Unit!.Name == "语文教研室");
        Assert.Single(d001, p => p.Kind == ContactPointKind.GrassrootsUnit && p.Unit!.Name == "高三年级组");
        Assert.Contains(d001, p => p.Kind == ContactPointKind.Grade && p.Value == "高三");

        var html = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/organization/coverage", Cancel);
        Assert.Contains("陈志远", html);
        Assert.Contains("无人联系", html);
    }

    [Fact]
    public async Task ContactPointsStep_ForANonCadreOrAnUnknownUnit_FailsAndChangesNothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        const string NotACadre = """
            {"name": "points-bad", "steps": [{"name": "ContactPoints", "Cadres": [
              {"Member": "D102", "Grades": ["高一"], "TeachingSection": "英语教研室", "GrassrootsUnit": "高一年级组"}]}]}
            """;
        const string UnknownUnit = """
            {"name": "points-bad", "steps": [{"name": "ContactPoints", "Cadres": [
              {"Member": "D101", "Grades": ["高二"], "TeachingSection": "不存在的教研室", "GrassrootsUnit": "高一年级组"}]}]}
            """;

        foreach (var recipe in new[] { NotACadre, UnknownUnit })
        {
            await using var scope = site.Services.CreateAsyncScope();
            var error = await Assert.ThrowsAsync<RecipeException>(
                () => scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Cancel));
            Assert.Contains("联系点：", error.Message);
        }

        var d101Grades = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<ContactPoint>()
            .Where(p => p.Member!.Number == "D101" && p.Kind == ContactPointKind.Grade).Select(p => p.Value).ToListAsync(Cancel));
        Assert.Equal(["高一"], d101Grades);
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<ContactPoint>().AnyAsync(p => p.Member!.Number == "D102", Cancel)));
    }
}

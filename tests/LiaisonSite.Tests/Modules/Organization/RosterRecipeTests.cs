using System.Globalization;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>The demo recipe's Roster step: the demo school's rosters, linked accounts and protected phones.</summary>
public sealed class RosterRecipeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRecipe_CreatesTheRosters_LinksTheDemoUsers()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        Assert.True(await db.Set<PartyMember>().CountAsync(Cancel) >= 45);
        Assert.True(await db.Set<MassPerson>().CountAsync(Cancel) >= 160);
        var secretary = await db.Set<PartyMember>().SingleAsync(m => m.UserName == "secretary1", Cancel);
        Assert.Equal(("D101", "branch-1", "支部书记", true), (secretary.Number, secretary.BranchId, secretary.PartyPost, secretary.IsLeadingCadre));
        Assert.Equal("D001", (await db.Set<PartyMember>().SingleAsync(m => m.UserName == "committee1", Cancel)).Number);
        Assert.Equal("branch-2", (await db.Set<PartyMember>().SingleAsync(m => m.UserName == "member3", Cancel)).BranchId);
        foreach (var branch in new[] { "branch-1", "branch-2", "branch-3" })
        {
            Assert.True(await db.Set<MassPerson>().CountAsync(p => p.BranchId == branch && p.Kind == PersonKind.Student, Cancel) > 0);
            Assert.True(await db.Set<MassPerson>().CountAsync(p => p.BranchId == branch && p.Kind == PersonKind.Staff, Cancel) > 0);
        }

        var teacher = await db.Set<MassPerson>().Include(p => p.Unit).SingleAsync(p => p.Number == "J001", Cancel);
        Assert.Equal(("语文教研室", UnitKind.TeachingSection, "branch-1"), (teacher.Unit!.Name, teacher.Unit.Kind, teacher.Unit.BranchId));
    }

    [Fact]
    public async Task DemoRecipe_StoresPhonesAsCipherText_WithTheMaskedForm()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();

        var secretary = await db.Set<PartyMember>().SingleAsync(m => m.Number == "D101", Cancel);
        Assert.Equal("138****0010", secretary.Phone.Masked);
        Assert.DoesNotContain("13800000010", secretary.Phone.Cipher);
        Assert.Equal("13800000010", protector.Reveal(secretary.Phone));

        // What the database file holds, read with SQL past the model: no phone or ID number digits in clear.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PhoneCipher, IdNumberCipher, IdNumberMasked FROM MassPersons WHERE Number = 'J060'";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        Assert.DoesNotContain("999901198001070609", reader.GetString(1));
        Assert.Equal("999***********0609", reader.GetString(2));
    }

    [Fact]
    public async Task RosterStep_RunTwice_ChangesNothing_AndNamesTheBadRow()
    {
        var recipe = """
            {"name": "roster-again", "steps": [{"name": "Roster",
              "members": [{"工号": "D102", "姓名": "李静", "所在支部": "branch-1", "登录名": "member1"},
                          {"Number": "T900", "Name": "新党员", "Branch": "第二党支部", "UserName": "newmember9", "Password": "Demo-pass-2026"}]}]}
            """;
        for (var run = 0; run < 2; run++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Cancel);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            Assert.Equal(1, await db.Set<PartyMember>().CountAsync(m => m.Number == "T900", Cancel));
            Assert.Equal("member1", (await db.Set<PartyMember>().SingleAsync(m => m.Number == "D102", Cancel)).UserName);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
            var created = await users.FindByNameAsync("newmember9");
            Assert.NotNull(created);
            Assert.True(await users.IsInRoleAsync(created, RoleNames.Member));
            Assert.True(await users.CheckPasswordAsync(created, SiteFactory.DemoPassword));
        }

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var bad = """
            {"name": "roster-bad", "steps": [{"name": "Roster", "Members": [
              {"工号": "T901", "姓名": "甲", "所在支部": "branch-1"},
              {"工号": "T902", "姓名": "乙", "所在支部": "第九党支部"}]}]}
            """;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var error = await Assert.ThrowsAsync<RecipeException>(
                () => scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(bad, cancellationToken: Cancel));
            Assert.Contains("第 2 行", error.Message);
            Assert.Contains("第九党支部", error.Message);
            Assert.False(await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PartyMember>().AnyAsync(m => m.Number == "T901", Cancel));
        }
    }

    [Fact]
    public async Task RosterStep_LongerThanAChunk_ImportsEveryRow_AndAFailingLaterStepUndoesThemAll()
    {
        // More rows than the importer saves at a time (ChunkSize), so the import is saved in parts inside the recipe's transaction.
        static string Recipe(string prefix, string extraStep) => $$"""
            {"name": "roster-{{prefix}}", "steps": [{"name": "Roster", "Persons": [{{string.Join(",", Enumerable.Range(1, 1201).Select(i =>
                $$"""{"类别(教职工/学生)": "学生", "学号/工号": "{{prefix}}{{i:D5}}", "姓名": "学生{{i}}", "所在支部": "branch-1", "年级": "高一", "班级": "1班", "手机": "137{{i:D8}}"}"""))}}]}{{extraStep}}]}
            """;

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(Recipe("CK", ""), cancellationToken: Cancel);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var failing = Recipe("CR", """, {"name": "Settings", "PageSize": "NoSuchSize"}""");
            await Assert.ThrowsAsync<RecipeException>(
                () => scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(failing, cancellationToken: Cancel));
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            Assert.Equal(1201, await db.Set<MassPerson>().CountAsync(p => p.Number.StartsWith("CK"), Cancel));
            Assert.Equal(0, await db.Set<MassPerson>().CountAsync(p => p.Number.StartsWith("CR"), Cancel));
            var last = await db.Set<MassPerson>().SingleAsync(p => p.Number == "CK01201", Cancel);
            Assert.Equal(("学生1201", "13700001201"), (last.Name, protector.Reveal(last.Phone)));
        }
    }
}

using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Organization.RosterImportSupport;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>Roster export: only the user's scope, masked unless asked for in full, and full exports logged.</summary>
public sealed class RosterExportTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_ForASecretary_HoldsTheirBranchOnly_WithMaskedNumbers()
    {
        var client = await site.SignInAsync("secretary1");

        ReadXlsx(await client.GetByteArrayAsync("/admin/organization/export?kind=persons", Cancel), out var rows);

        Assert.True(rows.Count > 20);
        Assert.All(rows, r => Assert.Equal("第一党支部（语文教研组）", r["所在支部"]));
        var phones = rows.Select(r => r["手机"]?.ToString()).Where(p => !string.IsNullOrEmpty(p)).ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.Matches(@"^138\*{4}\d{4}$", p));
        Assert.Contains(rows, r => r["身份证号"]?.ToString() == "999***********3008");
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PersonalDataAccess>()
            .AnyAsync(a => a.UserName == "secretary1" && a.Action == AccessActions.Export, Cancel));
    }

    [Fact]
    public async Task Export_InFull_GivesTheNumbers_AndWritesOneAccessLogRow()
    {
        var client = await site.SignInAsync("committee1");

        ReadXlsx(await client.GetByteArrayAsync("/admin/organization/export?kind=members&full=true", Cancel), out var rows);

        Assert.True(rows.Count >= 45);
        Assert.Contains(rows, r => r["工号"]?.ToString() == "D101" && r["手机"]?.ToString() == "13800000010");
        Assert.Contains(rows, r => r["所在支部"]?.ToString() == "第三党支部（行政后勤）");
        await using var scope = site.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PersonalDataAccess>()
            .Where(a => a.UserName == "committee1" && a.Action == AccessActions.Export).ToListAsync(Cancel);
        Assert.Single(log);
    }
}

using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Core.Upgrades;

/// <summary>The whole site again on the database file of an earlier one: a restart after the database was changed.</summary>
public sealed class RestartedSiteFactory(string database) : SiteFactory("liaison")
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Database:ConnectionString"] = $"Data Source={database}",
    };
}

/// <summary>Each test sets up its own site, changes its database as an older site would have it, and starts it again.</summary>
public sealed class ModuleUpgradeTests
{
    private const string Notices = "Liaison.Notices";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewSite_RunsEveryStep_AndGetsTheTypesNoRecipeDefinesAnyMore()
    {
        await using var site = new PlainSiteFactory();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        var steps = await db.Set<ModuleUpgrade>().AsNoTracking().ToListAsync(Ct);
        Assert.Contains(steps, s => s is { Module: Notices, Number: 1, Baseline: false });
        Assert.Contains(steps, s => s is { Module: Notices, Number: 2, Baseline: false });
        Assert.Contains(steps, s => s is { Module: "Liaison.Contacts", Number: 1 });
        Assert.Contains(steps, s => s is { Module: "Liaison.Media", Number: 1 });
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        Assert.NotNull(await definitions.GetTypeAsync("PublicNotice"));
        Assert.NotNull(await definitions.GetTypeAsync("Contact"));
        var grants = await GrantsAsync(site);
        Assert.Contains("Notices.HandleAllObjections", grants[RoleNames.CommitteeAdmin]);
        Assert.DoesNotContain("Notices.HandleObjections", grants.GetValueOrDefault(RoleNames.Member) ?? []);
    }

    [Fact]
    public async Task AnExistingSiteWithoutAModule_GetsItsTypeAndGrants_AtTheNextStart_WithoutARecipe()
    {
        // The first site stays up (its folder, and so the database file, goes when it is disposed).
        await using var before = new PlainSiteFactory();
        var database = Path.Combine(before.AppData, "liaison.db");
        {
            await using var scope = before.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<LiaisonDbContext>();

            // The site as it was before the Notices module: no PublicNotice type, no objection grants, no steps of its own.
            await services.GetRequiredService<IContentDefinitionManager>().DeleteTypeAsync("PublicNotice");
            var roles = services.GetRequiredService<IRoleDefaults>();
            await roles.RevokeAsync(RoleNames.CommitteeAdmin, "Notices.HandleObjections");
            await roles.RevokeAsync(RoleNames.CommitteeAdmin, "Notices.HandleAllObjections");
            await roles.RevokeAsync(RoleNames.BranchSecretary, "Notices.HandleObjections");
            await db.SaveChangesAsync(Ct);
            await db.Set<ModuleUpgrade>().Where(u => u.Module == Notices).ExecuteDeleteAsync(Ct);
            Assert.Null(await services.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("PublicNotice"));
        }

        await using var after = new RestartedSiteFactory(database);
        await using var check = after.Services.CreateAsyncScope();
        var type = await check.ServiceProvider.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("PublicNotice");
        Assert.NotNull(type);
        Assert.Contains(type.Parts, p => p.PartName == "PublicNoticePart");
        var grants = await GrantsAsync(after);
        Assert.Contains("Notices.HandleObjections", grants[RoleNames.CommitteeAdmin]);
        Assert.Contains("Notices.HandleAllObjections", grants[RoleNames.CommitteeAdmin]);
        Assert.Contains("Notices.HandleObjections", grants[RoleNames.BranchSecretary]);
        var steps = await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ModuleUpgrade>().AsNoTracking()
            .Where(u => u.Module == Notices).OrderBy(u => u.Number).Select(u => u.Number).ToListAsync(Ct);
        Assert.Equal([1, 2], steps);
    }

    [Fact]
    public async Task ASiteSetUpBeforeUpgradesExisted_KeepsTheGrantsItsAdministratorTookAway_AndLosesMembersObjections()
    {
        // The first site stays up (its folder, and so the database file, goes when it is disposed).
        await using var before = new PlainSiteFactory();
        var database = Path.Combine(before.AppData, "liaison.db");
        {
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var roles = scope.ServiceProvider.GetRequiredService<IRoleDefaults>();

            // An older site: members could handle objections (before issue 8), an administrator took uploads from
            // editors, and no upgrade had ever been recorded.
            await roles.AddGrantsAsync([new DefaultRoleGrant(RoleNames.Member, new Permission("Notices.HandleObjections", ""))]);
            await roles.RevokeAsync(RoleNames.Editor, "Media.Upload");
            await db.SaveChangesAsync(Ct);
            await db.Set<ModuleUpgrade>().ExecuteDeleteAsync(Ct);
            Assert.Contains("Notices.HandleObjections", (await GrantsAsync(before))[RoleNames.Member]);
        }

        await using var after = new RestartedSiteFactory(database);
        var grants = await GrantsAsync(after);
        Assert.DoesNotContain("Notices.HandleObjections", grants[RoleNames.Member]);
        Assert.DoesNotContain("Media.Upload", grants[RoleNames.Editor]);
        await using var check = after.Services.CreateAsyncScope();
        var steps = await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ModuleUpgrade>().AsNoTracking().ToListAsync(Ct);
        Assert.Contains(steps, s => s is { Module: "Liaison.Media", Number: 1, Baseline: true });
        Assert.Contains(steps, s => s is { Module: Notices, Number: 1, Baseline: true });
        Assert.Contains(steps, s => s is { Module: Notices, Number: 2, Baseline: false });
    }

    private static async Task<Dictionary<string, List<string>>> GrantsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);
        return document.Roles.ToDictionary(r => r.Key, r => r.Value);
    }
}

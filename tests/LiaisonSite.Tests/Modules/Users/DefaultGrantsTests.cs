using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Users;

/// <summary>
/// Least privilege in the grants a new site starts with (setup recipe + every module's default grants). The table is
/// the reviewed list: a new grant to a role is a decision, made here in the same commit.
/// </summary>
public sealed class DefaultGrantsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string[]> s_reviewed = new()
    {
        [RoleNames.Member] = ["Admin.Access", "Contents.EditOwn", "Contents.DeleteOwn", "Contents.Preview"],
        [RoleNames.Editor] =
        [
            "Admin.Access", "Contents.ViewAll", "Contents.Edit", "Contents.EditOwn", "Contents.Publish", "Contents.PublishOwn",
            "Contents.Delete", "Contents.DeleteOwn", "Contents.Preview", "Media.Upload",
        ],
        [RoleNames.BranchSecretary] =
        [
            "Admin.Access", "Contents.EditOwn", "Contents.PublishOwn", "Contents.DeleteOwn", "Contents.Preview", "Media.Upload",
            "Notices.HandleObjections", "Organization.ManageBranch", "Organization.RevealPersonalData",
            "Talks.RecordPersonnelEvents", "Appraisals.Manage",
            // Reports (issue 12): the branch view of reports and the half-yearly inspection of their branch.
            "Reports.Inspect",
        ],
        [RoleNames.CommitteeAdmin] =
        [
            "Admin.Access", "Settings.Manage", "Users.Manage", "Contents.ViewAll", "Contents.Edit", "Contents.EditOwn",
            "Contents.Publish", "Contents.PublishOwn", "Contents.Delete", "Contents.DeleteOwn", "Contents.Preview",
            "Recipes.Export", "Media.Upload", "Notices.HandleObjections", "Notices.HandleAllObjections", "Search.Manage",
            "Organization.ManageAll", "Organization.ManageBranch", "Organization.RevealPersonalData",
            "Organization.ViewAccessLog", "Contacts.ExportSensitive", "Talks.RecordPersonnelEvents", "Outreach.HandleOpinions",
            // Workflows (issue 11): the committee decides review tasks of every branch and publishes without review.
            "Workflows.DecideAllBranches", "Workflows.PublishWithoutReview",
            // Appraisals (issue 13): the committee runs democratic appraisals of every branch.
            "Appraisals.Manage",
            // Reports (issue 12): every branch's reports and inspections side by side; the report deadline and the
            // yearly liaison score rule.
            "Reports.Inspect", "Reports.Settings",
        ],
        [RoleNames.Authenticated] = [],
        // Issue 16: a type's items are public when Anonymous holds Orchard's ViewContent (and no access scope governs it);
        // ViewSecurable is its part that covers the Securable types (none of this site's own has an address).
        [RoleNames.Anonymous] = ["Contents.View", "Contents.ViewSecurable"],
    };

    [Fact]
    public async Task DemoSite_RoleGrants_AreExactlyTheReviewedLeastPrivilegeTable()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<IDocumentStore>()
            .GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);

        foreach (var (role, expected) in s_reviewed)
        {
            var granted = document.Roles.TryGetValue(role, out var list) ? list : [];
            Assert.True(expected.Order().SequenceEqual(granted.Order()),
                $"{role}: granted [{string.Join(", ", granted.Order())}], reviewed [{string.Join(", ", expected.Order())}]");
        }
    }

    [Fact]
    public async Task Member_CannotOpenTheObjectionsOfAnyBranch()
    {
        var member = await site.SignInAsync("member1");

        var response = await member.GetAsync("/admin/notices/objections", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
    }
}

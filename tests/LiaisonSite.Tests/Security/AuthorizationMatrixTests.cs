using System.Net;
using System.Text;
using Liaison.Notices.Data;
using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using Liaison.Workflows.Data;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Security;

/// <summary>
/// Guard 16: every route of the running site (its own EndpointDataSource, so a new route is in the matrix the day it
/// is added) × every role × GET and POST, against what the endpoint declares (<see cref="EndpointRule"/>). Allowed:
/// neither 401, 403 nor a detour to the sign-in or access-denied page, and never a 5xx. Refused: one of those, and
/// nothing in the database changed. Refused requests are sent whole (with a valid antiforgery token), so only
/// authorization stops them; allowed POSTs are sent without one, so they are answered 400 by the antiforgery check
/// after authorization and change nothing either. Route values are real ids of the demo site
/// (<see cref="MatrixRouteValues"/>): a route with a value it cannot fill, or an endpoint it cannot classify, fails.
/// </summary>
public sealed class AuthorizationMatrixTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The caller of each role: a demo account holding only that role (null: not signed in).</summary>
    private static readonly (string Role, string? UserName)[] s_callers =
    [
        (RoleNames.Anonymous, null),
        (RoleNames.Member, "member1"),
        (RoleNames.Editor, "editor1"),
        (RoleNames.BranchSecretary, "secretary1"),
        (RoleNames.CommitteeAdmin, "committee1"),
        (RoleNames.Administrator, SiteFactory.AdminUserName),
    ];

    /// <summary>Endpoints whose status is their answer, for everyone: they are reached, and answer it by design.</summary>
    private static readonly Dictionary<string, HttpStatusCode> s_designedStatus = new()
    {
        ["access-denied"] = HttpStatusCode.Forbidden,
        ["error"] = HttpStatusCode.InternalServerError,
        ["api/token"] = HttpStatusCode.Unauthorized, // wrong credentials (the matrix posts none)
    };

    [Fact]
    public async Task EveryRoute_ForEveryRole_AnswersAsItsDeclaredPermissionsSay()
    {
        var values = await MatrixRouteValues.LoadAsync(site);
        var cases = new List<(string Method, string Path, EndpointRule Rule, string Route)>();
        var unclassified = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var rule = EndpointRule.Classify(endpoint, out var why);
            var path = values.Fill(endpoint.RoutePattern, out var missing);
            if (why is not null || missing is not null)
            {
                unclassified.Add($"{endpoint.RoutePattern.RawText} ({endpoint.DisplayName}): {why ?? missing}");
                continue;
            }

            foreach (var method in Methods(endpoint))
            {
                cases.Add((method, path, rule, endpoint.RoutePattern.RawText!.TrimStart('/')));
            }
        }

        Assert.True(unclassified.Count == 0, "Routes the matrix cannot classify (add a rule or a route value):\n" + string.Join("\n", unclassified));
        Assert.True(cases.Count > 120, $"only {cases.Count} route × method cases");

        // What each role holds, read from the grants document itself (not through the permission service under test).
        RolePermissionsDocument document;
        IReadOnlyList<string> all;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            document = await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);
            all = [.. (await scope.ServiceProvider.GetRequiredService<IPermissionService>().GetAllPermissionsAsync()).Select(p => p.Name)];
        }

        IReadOnlySet<string>? Granted(string role, bool signedIn)
        {
            if (!signedIn)
            {
                return null;
            }

            IEnumerable<string> Of(string r) => document.Roles.TryGetValue(r, out var list) ? list : [];
            return role == RoleNames.Administrator
                ? all.ToHashSet()
                : Of(role).Concat(Of(RoleNames.Authenticated)).Concat(Of(RoleNames.Anonymous)).ToHashSet();
        }

        var expectations = new List<(string Role, HttpClient Client, string Token, string Method, string Path, string Route, bool Allowed)>();
        foreach (var (role, userName) in s_callers)
        {
            var client = userName is null ? site.CreateBrowserClient() : await site.SignInAsync(userName);
            var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/login", Ct));
            var granted = Granted(role, userName is not null);
            expectations.AddRange(cases.Select(c => (role, client, token, c.Method, c.Path, c.Route, c.Rule.Allows(granted))));
        }

        Assert.Contains(expectations, e => e.Allowed && e.Role == RoleNames.Member);
        Assert.Contains(expectations, e => !e.Allowed && e.Role == RoleNames.CommitteeAdmin);

        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(site);
        foreach (var e in expectations.Where(e => !e.Allowed))
        {
            var response = await SendAsync(e.Client, e.Method, e.Path, e.Token);
            if (!IsRefusal(response))
            {
                failures.Add($"{e.Role} {e.Method} {e.Path}: expected a refusal, got {Describe(response)}");
            }
        }

        failures.AddRange((await DatabaseFingerprint.TakeAsync(site)).ChangesSince(before).Select(t => $"refused requests changed table {t}"));

        foreach (var e in expectations.Where(e => e.Allowed))
        {
            var response = await SendAsync(e.Client, e.Method, e.Path, token: null);
            var designed = s_designedStatus.TryGetValue(e.Route, out var status) && response.StatusCode == status;
            if (!designed && (IsRefusal(response) || (int)response.StatusCode >= 500))
            {
                failures.Add($"{e.Role} {e.Method} {e.Path}: expected to be let in, got {Describe(response)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {expectations.Count} cases differ from the declared permissions:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPermissionNameInAnEndpointPolicyOrInTheSource_IsDeclaredByAModule()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var declared = (await scope.ServiceProvider.GetRequiredService<IPermissionService>().GetAllPermissionsAsync()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var used = Endpoints()
            .SelectMany(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>())
            .Select(a => a.Policy)
            .Where(p => p?.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal) == true)
            .Select(p => (Name: p![Permission.PolicyPrefix.Length..], Where: "endpoint policy"))
            .Concat(PermissionLiterals.InSource())
            .ToList();
        var undeclared = used.Where(u => !declared.Contains(u.Name)).Select(u => $"{u.Name} ({u.Where})").Distinct().ToList();

        Assert.Contains(used, u => u.Where == "endpoint policy");
        Assert.Contains(used, u => u.Where != "endpoint policy");
        Assert.True(undeclared.Count == 0, "Permission names no module declares (a typo refuses everyone but the Administrator):\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void PermissionLiteralScan_FindsATypoIfThereWereOne()
    {
        // Guards the scanner: the patterns it looks for do match the ways a permission is named in code.
        var found = PermissionLiterals.In("""
            [RequirePermission("Contents.Edti")]
            await permissions.HasPermissionAsync(User, "Users.Mange");
            .RequireAuthorization(Permission.PolicyPrefix + "Media.Uplaod")
            """).ToList();

        Assert.Equal(["Contents.Edti", "Users.Mange", "Media.Uplaod"], found);
    }

    private IEnumerable<RouteEndpoint> Endpoints()
        => site.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Distinct();

    private static IEnumerable<string> Methods(RouteEndpoint endpoint)
    {
        var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return declared is null || declared.Count == 0 ? ["GET", "POST"] : declared.Intersect(["GET", "POST"]);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent(path == "/api/token" ? "{}" : "not json", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>401, 403, or a detour to sign in or to access denied.</summary>
    private static bool IsRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return true;
        }

        var location = response.Headers.Location;
        var target = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        return response.StatusCode == HttpStatusCode.Redirect
            && (target.StartsWith("/login", StringComparison.OrdinalIgnoreCase) || target.StartsWith("/access-denied", StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(HttpResponseMessage response)
        => $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l : "")}";
}

/// <summary>
/// Real values for route parameters, from the demo site, by the route text before the parameter (the longest prefix
/// wins). A parameter with no entry here leaves the route unclassified: add its value when you add the route.
/// </summary>
internal sealed class MatrixRouteValues(List<(string Prefix, string Parameter, string Value)> values)
{
    public static async Task<MatrixRouteValues> LoadAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LiaisonDbContext>();
        var about = await db.ContentItems.AsNoTracking().FirstAsync(c => c.ContentItemId == "page-about" && c.Latest, TestContext.Current.CancellationToken);
        var fields = (await services.GetRequiredService<IContentDefinitionManager>().GetPartAsync("TypicalExample"))!.Fields;
        var member6 = await services.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync("member6");
        var media = Directory.EnumerateFiles(Path.Combine(services.GetRequiredService<LiaisonOptions>().AppData, "Media"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(services.GetRequiredService<LiaisonOptions>().AppData, "Media"), f).Replace('\\', '/'))
            .FirstOrDefault() ?? "none.jpg";

        async Task<string> First<T>(IQueryable<T> ids) => (await ids.Take(1).ToListAsync(TestContext.Current.CancellationToken)).Select(i => i!.ToString()!).FirstOrDefault() ?? "0";

        return new MatrixRouteValues(
        [
            ("", "path", "about"),
            ("media/", "path", media),
            ("openapi/", "documentName", "v1"),
            ("error/", "code", "404"),
            ("api/content/", "contentItemId", "example-01"),
            ("notice-objections/", "noticeId", "notice-01"),
            ("notices/objections/", "receipt", "GS-0000000000000000"),
            ("admin/contents/", "id", about.ContentItemId),
            ("admin/contents/", "versionId", about.ContentItemVersionId),
            ("admin/contents/new/", "type", "TypicalExample"),
            ("admin/content-types/", "name", "TypicalExample"),
            ("admin/content-types/", "fieldName", fields.First().Name),
            ("admin/content-types/", "partName", "TitlePart"),
            ("admin/users/", "id", member6!.Id),
            ("admin/roles/", "name", RoleNames.Editor),
            ("admin/my-work/reveal/", "id", "contact-d102-1"),
            ("admin/contacts/", "id", "contact-d102-1"),
            ("admin/notices/objections/", "id", await First(db.Set<Objection>().OrderBy(o => o.Id).Select(o => o.Id))),
            ("admin/organization/members/", "id", await First(db.Set<PartyMember>().Where(m => m.Number == "D102").OrderBy(m => m.Id).Select(m => m.Id))),
            ("admin/organization/persons/", "id", await First(db.Set<MassPerson>().OrderBy(p => p.Id).Select(p => p.Id))),
            ("admin/organization/units/", "id", await First(db.Set<Unit>().OrderBy(u => u.Id).Select(u => u.Id))),
            ("admin/organization/visits/", "id", await First(db.Set<CadreVisit>().OrderBy(v => v.Id).Select(v => v.Id))),
            ("admin/organization/import/preview/", "token", "no-such-upload"),
            ("admin/talks/events/import/preview/", "token", "no-such-upload"),
            ("admin/pairing/exclusions/", "id", await First(db.Set<PairExclusion>().OrderBy(x => x.Id).Select(x => x.Id))),
            ("admin/workflows/", "id", "editorial-review"),
            ("admin/workflows/instances/", "instanceId", await First(db.Set<WorkflowInstance>().OrderBy(i => i.Id).Select(i => i.Id))),
            ("admin/inbox/", "id", await First(db.Set<WorkflowTask>().OrderBy(t => t.Id).Select(t => t.Id))),
            ("opinions/", "code", "answer23answer23answer23answer23"),
            // Not a form: the form routes answer 404 to whoever passes their declared rule (who a form is offered to is
            // the type's setting, tested in FormsTests).
            ("forms/", "type", "TypicalExample"),
            ("admin/forms/", "type", "TypicalExample"),
            ("admin/opinions/", "id", await First(db.Set<Liaison.Outreach.Data.Opinion>().OrderBy(o => o.Id).Select(o => o.Id))),
            ("admin/appraisals/", "id", await First(db.Set<Liaison.Appraisals.Data.AppraisalCampaign>().OrderBy(c => c.Id).Select(c => c.Id))),
            ("admin/my-work/appraisals/", "campaignId", await First(db.Set<Liaison.Appraisals.Data.AppraisalCampaign>().OrderBy(c => c.Id).Select(c => c.Id))),
            ("appraisal/vote/", "token", "no-such-voting-link-0000000000000"),
            ("admin/my-work/reports/", "id", await First(db.Set<Liaison.Reports.Data.QuarterlyReportIndex>().OrderBy(r => r.Id).Select(r => r.ContentItemId))),
            ("admin/inspections/", "id", await First(db.Set<Liaison.Reports.Data.Inspection>().OrderBy(i => i.Id).Select(i => i.Id))),
        ]);
    }

    /// <summary>The route with every parameter filled; null and the parameter's name when one has no value here.</summary>
    public string Fill(RoutePattern pattern, out string? missing)
    {
        missing = null;
        var raw = pattern.RawText!.TrimStart('/');
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var before = raw[..raw.IndexOf("{" + (parameter.IsCatchAll ? "**" : "") + parameter.Name, StringComparison.Ordinal)];
                        var value = values.Where(v => v.Parameter == parameter.Name && before.StartsWith(v.Prefix, StringComparison.Ordinal))
                            .OrderByDescending(v => v.Prefix.Length).Select(v => v.Value).FirstOrDefault();
                        if (value is null)
                        {
                            missing = $"no value for route parameter '{parameter.Name}'";
                            return "";
                        }

                        path.Append(parameter.IsCatchAll ? value : Uri.EscapeDataString(value));
                        break;
                }
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Workflows.WorkflowTestSupport;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>
/// The in-browser editor at /admin/workflows/new and /admin/workflows/{id}/edit, driven over HTTP as a browser without
/// JavaScript drives it: every button posts the whole form, only "Save" writes, after validation.
/// </summary>
public sealed class WorkflowEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("committee1")]
    [InlineData("secretary1")]
    [InlineData("editor1")]
    [InlineData("member1")]
    public async Task TheEditor_ForEveryoneButTheAdministrator_IsRefused(string userName)
    {
        var client = await site.SignInAsync(userName);
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/login", Ct));
        int before = await TypeCountAsync();

        foreach (var path in new[] { "/admin/workflows/new", "/admin/workflows/editorial-review/edit" })
        {
            var get = await client.GetAsync(path, Ct);
            var post = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["op"] = "save",
                ["Name"] = "x",
                ["definition"] = "{\"WorkflowTypeId\":\"hijack\",\"Name\":\"x\",\"Activities\":[],\"Transitions\":[]}",
            }), Ct);

            foreach (var response in new[] { get, post })
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
            }
        }

        Assert.Equal(before, await TypeCountAsync());
    }

    [Fact]
    public async Task Administrator_BuildsATypeFromNothing_AddsConnectsEditsRemoves_AndTheExportIsWhatWasSaved()
    {
        var editor = await EditorSession.OpenAsync(await site.SignInAsync(SiteFactory.AdminUserName), "/admin/workflows/new");
        Assert.Contains("新建工作流", editor.Html);
        Assert.Contains("<optgroup label=\"事件\">", editor.Html);
        Assert.Contains("内容已发布 (ContentPublishedEvent)", editor.Html);
        Assert.Contains("通知用户 (NotifyUsersTask)", editor.Html);

        var name = NewId("editor-built");
        await editor.SubmitAsync("add", new() { ["Name"] = [name], ["newActivity"] = ["ContentPublishedEvent"] });
        await editor.SubmitAsync("add", new() { ["newActivity"] = ["NotifyUsersTask"] });
        await editor.SubmitAsync("add", new() { ["newActivity"] = ["LogTask"] });
        var (published, notify, log) = (editor.ActivityId("ContentPublishedEvent"), editor.ActivityId("NotifyUsersTask"), editor.ActivityId("LogTask"));
        Assert.Equal("true", editor.Value($"act.{published}.IsStart")); // the first event starts the workflow
        Assert.Equal(name, editor.Value("Name")); // what was typed stays through the operations

        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{published}|Done"], ["connectTo"] = [notify] });
        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{notify}|Done"], ["connectTo"] = [log] });
        Assert.Equal(2, editor.Document.QuerySelectorAll("[data-transition]").Length);
        Assert.Contains($"data-source=\"{published}\" data-outcome=\"Done\" data-destination=\"{notify}\"", editor.Html);

        // Properties from the activities' declarations: a content type picker, a choice, Liquid texts, X/Y.
        await editor.SubmitAsync("apply", new()
        {
            [$"act.{published}.p.ContentTypes"] = ["BranchNews"],
            [$"act.{notify}.p.Recipients"] = ["Owner"],
            [$"act.{notify}.p.Subject"] = ["已发布：{{ ContentItem.DisplayText }}"],
            [$"act.{notify}.p.Body"] = ["您的稿件已发布。"],
            [$"act.{notify}.Title"] = ["通知作者"],
            [$"act.{notify}.X"] = ["333"],
            [$"act.{notify}.Y"] = ["44"],
        });
        Assert.Contains(">通知作者</text>", editor.Html);

        // Remove the transition to the log, then the log itself.
        await editor.SubmitAsync("disconnect:1", []);
        Assert.Single(editor.Document.QuerySelectorAll("[data-transition]"));
        await editor.SubmitAsync($"remove:{log}", []);
        Assert.Null(editor.Document.QuerySelector($"[data-activity-editor=\"{log}\"]"));
        Assert.Null(await TypeNamedAsync(name)); // nothing saved until "Save"

        var saved = await editor.SubmitAsync("save", new() { ["IsEnabled"] = ["true"] });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await TypeNamedAsync(name);
        Assert.NotNull(stored);
        Assert.True(stored.IsEnabled);
        Assert.Equal(["ContentPublishedEvent", "NotifyUsersTask"], stored.Activities.Select(a => a.Name));
        var notifyActivity = stored.Activity(notify)!;
        Assert.Equal((333, 44), (notifyActivity.X, notifyActivity.Y));
        Assert.Equal("Owner", notifyActivity.Text("Recipients"));
        Assert.Equal("已发布：{{ ContentItem.DisplayText }}", notifyActivity.Text("Subject"));
        Assert.Equal("通知作者", notifyActivity.Title);
        Assert.Equal(["BranchNews"], stored.Activity(published)!.List("ContentTypes"));
        Assert.Equal($"{published}/Done/{notify}", string.Join(",", stored.Transitions.Select(t => $"{t.SourceActivityId}/{t.SourceOutcomeName}/{t.DestinationActivityId}")));
        Assert.Equal($"/admin/workflows/{stored.WorkflowTypeId}", saved.Headers.Location!.OriginalString);

        // The export is Orchard's WorkflowType step with exactly what was saved.
        var admin = editor.Client;
        var export = JsonNode.Parse(await admin.GetStringAsync($"/admin/workflows/{stored.WorkflowTypeId}/export", Ct))!;
        Assert.Equal("WorkflowType", export["steps"]![0]!["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.ToJson()), export["steps"]![0]!["data"]![0]));

        // Opened again and saved unchanged, the definition stays the same, byte for byte.
        var again = await EditorSession.OpenAsync(admin, $"/admin/workflows/{stored.WorkflowTypeId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await again.SubmitAsync("save", [])).StatusCode);
        Assert.Equal(stored.ToJson(), (await TypeNamedAsync(name))!.ToJson());
    }

    [Fact]
    public async Task Save_WithADanglingOutcomeOrAnUnreachableActivity_IsRefusedInChinese_AndSavesNothing()
    {
        var editor = await EditorSession.OpenAsync(await site.SignInAsync(SiteFactory.AdminUserName), "/admin/workflows/new");
        var name = NewId("editor-dangling");
        await editor.SubmitAsync("add", new() { ["Name"] = [name], ["newActivity"] = ["ContentDraftSavedEvent"] });
        await editor.SubmitAsync("add", new() { ["newActivity"] = ["UserTaskEvent"] });
        var (start, task) = (editor.ActivityId("ContentDraftSavedEvent"), editor.ActivityId("UserTaskEvent"));
        await editor.SubmitAsync("apply", new() { [$"act.{task}.p.Actions"] = ["通过\n退回"], [$"act.{task}.p.Roles"] = ["CommitteeAdmin"] });
        Assert.Contains($"<option value=\"{task}|退回\">", editor.Html); // the outcomes come from the activity's actions
        await editor.SubmitAsync("add", new() { ["newActivity"] = ["PublishContentTask"] });
        var publish = editor.ActivityId("PublishContentTask");
        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{start}|Done"], ["connectTo"] = [task] });
        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{task}|通过"], ["connectTo"] = [publish] });

        // An outcome the activity does not have cannot even be connected.
        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{task}|批准"], ["connectTo"] = [publish] });
        Assert.Contains("请选择一个结果及其通向的活动", editor.Html);

        // Renaming the action leaves the transition from "通过" dangling; a log nobody reaches is unreachable.
        await editor.SubmitAsync("add", new() { [$"act.{task}.p.Actions"] = ["同意\n退回"], ["newActivity"] = ["LogTask"] });
        var refused = await editor.SubmitAsync("save", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("未保存：请先解决下面标出的问题", editor.Html);
        var transition = editor.Document.QuerySelector($"[data-transition=\"{task}|通过|{publish}\"]")!;
        Assert.Contains("没有结果“通过”", transition.TextContent);
        var log = editor.Document.QuerySelector($"[data-activity-editor=\"{editor.ActivityId("LogTask")}\"]")!;
        Assert.Contains("从起点无法到达", log.TextContent);
        Assert.Null(await TypeNamedAsync(name));
    }

    [Fact]
    public async Task Save_WithABadCronOrScript_IsRefused_NextToTheActivity()
    {
        var editor = await EditorSession.OpenAsync(await site.SignInAsync(SiteFactory.AdminUserName), "/admin/workflows/new");
        var name = NewId("editor-cron");
        await editor.SubmitAsync("add", new() { ["Name"] = [name], ["newActivity"] = ["TimerEvent"] });
        await editor.SubmitAsync("add", new() { ["newActivity"] = ["IfElseTask"] });
        var (timer, branch) = (editor.ActivityId("TimerEvent"), editor.ActivityId("IfElseTask"));
        await editor.SubmitAsync("connect", new() { ["connectFrom"] = [$"{timer}|Done"], ["connectTo"] = [branch] });

        var refused = await editor.SubmitAsync("save", new()
        {
            [$"act.{timer}.p.CronExpression"] = ["every monday"],
            [$"act.{branch}.p.Condition"] = ["property('x') ==="],
            [$"act.{branch}.X"] = ["far"],
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("“every monday”不是有效的 cron 表达式", editor.Document.QuerySelector($"[data-activity-editor=\"{timer}\"]")!.TextContent);
        var branchBox = editor.Document.QuerySelector($"[data-activity-editor=\"{branch}\"]")!.TextContent;
        Assert.Contains("脚本有语法错误", branchBox);
        Assert.Contains("请填写 -100000 到 100000 之间的整数", branchBox);
        Assert.Equal("every monday", editor.Value($"act.{timer}.p.CronExpression")); // what was typed stays
        Assert.Null(await TypeNamedAsync(name));

        var saved = await editor.SubmitAsync("save", new()
        {
            [$"act.{timer}.p.CronExpression"] = ["0 8 * * 1"],
            [$"act.{branch}.p.Condition"] = ["property('x') === 'y'"],
            [$"act.{branch}.X"] = ["300"],
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("0 8 * * 1", (await TypeNamedAsync(name))!.Activities.Single(a => a.Name == "TimerEvent").Text("CronExpression"));
    }

    [Fact]
    public async Task AnActivityWithAnInstanceWaitingOnIt_CannotBeRemoved_AndTheInstanceStillResumes()
    {
        var id = NewId("editor-blocked");
        await SaveTypeAsync(site.Services, Type(id,
            [
                Activity("start", "SignalEvent", Signal(id + "-start"), start: true),
                Activity("wait", "SignalEvent", Signal(id + "-resume"), x: 200),
                Activity("log", "LogTask", new JsonObject { ["Text"] = "resumed" }, x: 400),
            ],
            [Transition("start", "Done", "wait"), Transition("wait", "Done", "log")]));
        await TriggerAsync(site.Services, SignalEvent(id + "-start", "item-1"));
        Assert.Equal(WorkflowStatus.Halted, (await InstancesAsync(site.Services, id)).Single().Status);
        var before = (await GetTypeAsync(id))!.ToJson();

        var editor = await EditorSession.OpenAsync(await site.SignInAsync(SiteFactory.AdminUserName), $"/admin/workflows/{id}/edit");
        Assert.Contains("有 1 个实例停在此处：不能删除", editor.Document.QuerySelector("[data-activity-editor=\"wait\"]")!.TextContent);
        await editor.SubmitAsync("remove:wait", []);
        Assert.Contains("不能删除", editor.Document.QuerySelector("[data-editor-message]")!.TextContent);
        Assert.NotNull(editor.Document.QuerySelector("[data-activity-editor=\"wait\"]"));

        // A definition posted without it (as a hand-made request would) is refused at save too.
        var stripped = WorkflowTypeDefinition.FromJson(editor.Value("definition")!);
        stripped.Activities.RemoveAll(a => a.ActivityId is "wait" or "log");
        stripped.Transitions.Clear();
        var refused = await editor.SubmitAsync("save", new() { ["definition"] = [stripped.ToJson()] });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, (await GetTypeAsync(id))!.ToJson());

        // Editing what it does not wait on is fine, and keeps the activity ids, so the instance resumes.
        editor = await EditorSession.OpenAsync(editor.Client, $"/admin/workflows/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync("save", new() { ["act.log.p.Text"] = ["恢复了 {{ Workflow.CorrelationId }}"] })).StatusCode);
        await TriggerAsync(site.Services, SignalEvent(id + "-resume", "item-1"));
        var instance = (await InstancesAsync(site.Services, id)).Single();
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Contains(await JournalAsync(site.Services, instance.Id), j => j.ActivityId == "log" && j.Comment == "恢复了 item-1");
    }

    private async Task<int> TypeCountAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>().CountAsync(Ct);
    }

    private async Task<WorkflowTypeDefinition?> TypeNamedAsync(string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>().AsNoTracking()
            .SingleOrDefaultAsync(t => t.Name == name, Ct);
        return row is null ? null : WorkflowTypeDefinition.FromJson(row.Definition);
    }

    private async Task<WorkflowTypeDefinition?> GetTypeAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().GetAsync(id, Ct);
    }
}

/// <summary>The editor's form as a browser without JavaScript posts it: every field as rendered, then the changes.</summary>
internal sealed class EditorSession
{
    private string _action = "";

    private EditorSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public string Html { get; private set; } = "";

    public IHtmlDocument Document { get; private set; } = null!;

    public static async Task<EditorSession> OpenAsync(HttpClient client, string path)
    {
        var session = new EditorSession(client);
        session.Load(await client.GetStringAsync(path, TestContext.Current.CancellationToken));
        return session;
    }

    public string ActivityId(string name)
        => WorkflowTypeDefinition.FromJson(Value("definition")!).Activities.Single(a => a.Name == name).ActivityId;

    public string? Value(string name) => Fields().Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>Posts the form with the button <paramref name="op"/>; each change replaces every value of its field.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string op, Dictionary<string, string[]> changes)
    {
        var fields = Fields().Where(f => !changes.ContainsKey(f.Key)).ToList();
        fields.AddRange(changes.SelectMany(c => c.Value.Select(v => KeyValuePair.Create(c.Key, v))));
        fields.Add(KeyValuePair.Create("op", op));
        var response = await Client.PostAsync(_action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest)
        {
            Load(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        return response;
    }

    private void Load(string html)
    {
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
        var form = Document.QuerySelector("form[data-workflow-editor]") as IHtmlFormElement
            ?? throw new InvalidOperationException("No editor form on the page:\n" + html[..Math.Min(html.Length, 3000)]);
        _action = form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action.");
    }

    private List<KeyValuePair<string, string>> Fields()
    {
        var form = (IHtmlFormElement)Document.QuerySelector("form[data-workflow-editor]")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name:
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(KeyValuePair.Create(name, input.Value));
                        }
                    }
                    else if (input.Type is not ("submit" or "button"))
                    {
                        fields.Add(KeyValuePair.Create(name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    fields.Add(KeyValuePair.Create(name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    fields.Add(KeyValuePair.Create(name, select.SelectedOptions.FirstOrDefault()?.Value ?? ""));
                    break;
            }
        }

        return fields;
    }
}

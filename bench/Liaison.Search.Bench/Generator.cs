using LiaisonSite.Core.ContentManagement;

/// <summary>Published typical examples with varied, realistic Chinese sentences (deterministic).</summary>
internal static class Generator
{
    public static readonly string[] QueryWords = ["谈心", "青年教师", "党员", "支部", "困难学生", "结对帮学", "志愿服务", "家访", "意见建议", "磨课"];

    private static readonly string[] s_people = ["李静", "王强", "张敏", "刘洋", "陈晨", "杨帆", "赵磊", "周婷", "吴晨", "郑欣"];
    private static readonly string[] s_groups = ["青年教师", "困难学生", "入党积极分子", "退休教职工", "新入职教师", "班主任", "后勤职工"];
    private static readonly string[] s_actions = ["开展谈心谈话", "结对帮学", "组织家访", "集体备课", "志愿服务", "主动磨课", "收集意见建议", "走访慰问"];
    private static readonly string[] s_results = ["解决了实际困难", "增进了理解和信任", "提高了教学质量", "找回了工作信心", "得到了师生好评", "形成了长效机制"];
    private static readonly string[] s_places = ["教研组", "学生宿舍", "图书馆", "操场", "会议室", "食堂", "实验室"];

    public static IEnumerable<ContentItem> Items(int count)
    {
        var random = new Random(42);
        string Pick(string[] words) => words[random.Next(words.Length)];
        for (var i = 0; i < count; i++)
        {
            var title = $"{Pick(s_people)}与{Pick(s_groups)}{Pick(s_actions)}";
            var body = string.Concat(Enumerable.Range(0, 4).Select(_ =>
                $"<p>本学期，党员{Pick(s_people)}在{Pick(s_places)}与{Pick(s_groups)}{Pick(s_actions)}，{Pick(s_results)}。</p>"));
            var date = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i);
            var item = new ContentItem
            {
                ContentItemId = $"bench{i:D21}",
                ContentItemVersionId = $"benchv{i:D20}",
                ContentType = "TypicalExample",
                DisplayText = title,
                Latest = true,
                Published = true,
                Owner = "editor1",
                Author = "editor1",
                CreatedUtc = date,
                ModifiedUtc = date,
                PublishedUtc = date,
            };
            item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = title };
            item.Content["HtmlBodyPart"] = new System.Text.Json.Nodes.JsonObject { ["Html"] = body };
            yield return item;
        }
    }
}

using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// A term's start in branch 1: the secretary imports new students from a spreadsheet, runs the pairing, moves one
/// pair by hand and confirms; the member then finds the new partner and their contacts on 我的联系工作.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiaisonWorkflowBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Secretary_ImportsPairsMovesAndConfirms_ThenTheMemberSeesPartnersAndContacts()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var student = "新生" + suffix;
        var file = Path.Combine(Path.GetTempPath(), $"roster-{suffix}.xlsx");
        await File.WriteAllBytesAsync(file, Roster(
            Student("W1" + suffix, student, "高一", "高一(5)班"),
            Student("W2" + suffix, "插班生" + suffix, "高一", "高一(6)班")), TestContext.Current.CancellationToken);

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "secretary1");

            await page.GotoAsync("/admin/organization/import");
            await page.GetByRole(AriaRole.Radio, new() { Name = "群众（教职工/学生）" }).CheckAsync();
            await page.Locator("input[type=file]#file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "检查文件" }).ClickAsync();
            await Assertions.Expect(page.GetByText(student).First).ToBeVisibleAsync();
            // Row numbers as Excel shows them: the header is row 1.
            await Assertions.Expect(page.Locator("tr", new() { HasText = student }).Locator("td").First).ToHaveTextAsync("2");
            await page.ScreenshotAsync(new() { Path = Shot("roster-import-preview.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "导入 2 行有效数据" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/preview/", StringComparison.Ordinal));

            await page.GotoAsync("/admin/pairing");
            await page.GetByRole(AriaRole.Button, new() { Name = "生成配对方案" }).ClickAsync();
            var row = page.Locator("li.pair-row", new() { HasText = student });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.GetByText("待确认")).ToBeVisibleAsync();

            // member1 (李静) gets the new student, whoever the run proposed.
            await row.Locator("select[name=memberId]").SelectOptionAsync(new SelectOptionValue { Label = "李静" });
            await row.GetByRole(AriaRole.Button, new() { Name = "调整" }).ClickAsync();
            var moved = page.Locator("tr[data-member-id]", new() { HasText = "李静" }).Locator("li.pair-row", new() { HasText = student });
            await Assertions.Expect(moved).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "确认配对" }).ClickAsync();
            await Assertions.Expect(moved.GetByText("已确认")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("pairing-confirmed.png"), FullPage = true });
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "member1");
            await page.WaitForURLAsync("**/admin/my-work**");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的联系工作", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(student)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的联系对象" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("入党积极分子").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("my-work.png"), FullPage = true });
        }

        File.Delete(file);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");
    }

    private static Dictionary<string, object> Student(string number, string name, string grade, string className) => new()
    {
        ["类别(教职工/学生)"] = "学生",
        ["学号/工号"] = number,
        ["姓名"] = name,
        ["性别"] = "女",
        ["所在支部"] = "第一党支部",
        ["年级"] = grade,
        ["班级"] = className,
    };

    private static byte[] Roster(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}

using System.Net;
using System.Text.RegularExpressions;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Notices;

/// <summary>
/// Issue 15 item 5: the objector reads the branch's answer with the receipt at /notices/objections/{receipt}. Receipts
/// are long random codes; a wrong one is a 404; the page never shows who sent it, what they wrote, or other objections.
/// </summary>
public sealed partial class ObjectionReceiptTests(NoticeSiteFactory site) : IClassFixture<NoticeSiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objector_ReadsTheBranchsAnswer_WithTheReceipt_AndNothingPersonal()
    {
        var text = "建议再次听取该同志所在班级同学的意见。" + Guid.NewGuid().ToString("N")[..6];
        var (receipt, _) = await ObjectAsync(text, name: "王同学", contact: "13912345678");
        Assert.Matches(ReceiptPattern(), receipt);

        var anonymous = site.CreateBrowserClient();
        var pending = await anonymous.GetAsync("/notices/objections/" + receipt, Cancel);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        var pendingHtml = await pending.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(DemoNotices.OpenTitle, pendingHtml);
        Assert.Contains("data-receipt-status=\"pending\"", pendingHtml);
        Assert.True(pending.Headers.CacheControl?.NoStore, "A receipt page must not be cached.");

        var answer = "支部已听取班级同学意见，情况属实，同意按程序发展。" + Guid.NewGuid().ToString("N")[..6];
        await AnswerAsync("secretary1", receipt, answer);

        // Another objection, answered too: its answer never shows on this receipt's page.
        var (otherReceipt, _) = await ObjectAsync("另一位同学的意见，与前一条无关。" + Guid.NewGuid().ToString("N")[..6]);
        var otherAnswer = "另一条答复" + Guid.NewGuid().ToString("N")[..6];
        await AnswerAsync("secretary1", otherReceipt, otherAnswer);

        var answered = await anonymous.GetStringAsync("/notices/objections/" + receipt.ToLowerInvariant(), Cancel);
        Assert.Contains("data-receipt-status=\"answered\"", answered);
        Assert.Contains(answer, answered);
        Assert.DoesNotContain(otherAnswer, answered);
        Assert.DoesNotContain("王同学", answered);
        Assert.DoesNotContain("13912345678", answered);
        Assert.DoesNotContain(text, answered);
        Assert.Contains("class=\"tb\"", answered); // the public theme
    }

    [Theory]
    [InlineData("GS-0000000000000000")]
    [InlineData("GS-ZZZZZZZZZZZZZZZZ")]
    [InlineData("GS20261201-0001")]
    [InlineData("abc")]
    [InlineData("GS-0000000000000000000000000000000000000000")]
    public async Task AWrongReceipt_IsA404(string receipt)
    {
        var response = await site.CreateBrowserClient().GetAsync("/notices/objections/" + Uri.EscapeDataString(receipt), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Receipts_AreLongRandomCodes_DifferentForEachObjection()
    {
        var receipts = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            receipts.Add((await ObjectAsync($"第{i}条用来检查回执号的意见，内容足够长。" + Guid.NewGuid().ToString("N")[..6])).Receipt);
        }

        Assert.Equal(3, receipts.Count);
        Assert.All(receipts, r => Assert.Matches(ReceiptPattern(), r));
    }

    [Fact]
    public async Task TheSecretary_FindsAnObjection_ByTheReceiptTheObjectorQuotes_OrByItsReference()
    {
        var (receipt, _) = await ObjectAsync("电话里提到回执号的意见，内容足够长。" + Guid.NewGuid().ToString("N")[..6]);
        var (other, _) = await ObjectAsync("另一条不相关的意见，内容也足够长。" + Guid.NewGuid().ToString("N")[..6]);
        long id;
        string reference;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var objection = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>().SingleAsync(o => o.Receipt == receipt, Cancel);
            (id, reference) = (objection.Id, objection.Reference);
        }

        var secretary = await site.SignInAsync("secretary1");

        // Typed as people type it: lower case, with spaces.
        var typed = receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        var byReceipt = await secretary.GetStringAsync("/admin/notices/objections?code=" + Uri.EscapeDataString(typed), Cancel);
        var byReference = await secretary.GetStringAsync("/admin/notices/objections?code=" + reference, Cancel);
        var nothing = await secretary.GetStringAsync("/admin/notices/objections?code=GS-0000000000000000", Cancel);

        Assert.Contains($"href=\"/admin/notices/objections/{id}\"", byReceipt, StringComparison.Ordinal);
        Assert.Single(ObjectionLink().Matches(byReceipt));
        Assert.Contains($"href=\"/admin/notices/objections/{id}\"", byReference, StringComparison.Ordinal);
        Assert.Single(ObjectionLink().Matches(byReference));
        Assert.Empty(ObjectionLink().Matches(nothing));
        Assert.NotEqual(receipt, other);
    }

    [GeneratedRegex(@"href=""/admin/notices/objections/\d+""")]
    private static partial Regex ObjectionLink();

    /// <summary>Sends an objection through the notice page's form; returns the receipt shown on the confirmation and its link.</summary>
    private async Task<(string Receipt, string Link)> ObjectAsync(string text, string? name = null, string? contact = null)
    {
        var client = site.CreateBrowserClient();
        var fields = new Dictionary<string, string> { ["Text"] = text };
        if (name is null)
        {
            fields["Anonymous"] = "true";
        }
        else
        {
            fields["Name"] = name;
            fields["Contact"] = contact ?? "";
        }

        var response = await DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        var receipt = ReceiptPattern().Match(confirmation);
        Assert.True(receipt.Success, "The confirmation shows no receipt.");
        Assert.Contains($"href=\"/notices/objections/{receipt.Value}\"", confirmation);
        return (receipt.Value, "/notices/objections/" + receipt.Value);
    }

    /// <summary>The secretary answers through the admin's answer form.</summary>
    private async Task AnswerAsync(string secretary, string receipt, string answer)
    {
        long id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>()
                .Where(o => o.Receipt == receipt).Select(o => o.Id).SingleAsync(Cancel);
        }

        var client = await site.SignInAsync(secretary);
        var response = await SiteFactory.PostFormAsync(client, $"/admin/notices/objections/{id}", $"/admin/notices/objections/{id}", new()
        {
            ["answer"] = answer,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("GS-[0-9A-HJKMNP-TV-Z]{16}")]
    private static partial Regex ReceiptPattern();
}

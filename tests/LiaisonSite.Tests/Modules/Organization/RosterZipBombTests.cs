using System.IO.Compression;
using System.Text;
using LiaisonSite.Tests.Infrastructure;
using static LiaisonSite.Tests.Modules.Organization.RosterImportSupport;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>
/// Issue 8, finding 10: an .xlsx whose parts unpack to far more than a roster (shared strings of 40 MB in a file
/// of a few dozen kilobytes) is refused before the spreadsheet reader loads it, with a Chinese message.
/// </summary>
public sealed class RosterZipBombTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_OfAnXlsxWhoseSharedStringsUnpackTo40MB_IsRefusedBeforeReading()
    {
        var client = await site.SignInAsync("committee1");
        var bomb = WithPart(Xlsx(new Dictionary<string, object> { ["工号"] = "D999", ["姓名"] = "炸弹" }),
            "xl/sharedStrings.xml", 40 * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var (response, page) = await UploadAsync(client, "members", bomb, "roster.xlsx", Cancel);

        Assert.DoesNotContain("/preview/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("解压后超过", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfAnOrdinaryXlsx_IsStillPreviewed()
    {
        var client = await site.SignInAsync("committee1");
        var file = Xlsx(new Dictionary<string, object> { ["工号"] = "D998", ["姓名"] = "正常", ["所在支部"] = "第一党支部" });

        var (response, _) = await UploadAsync(client, "members", file, "roster.xlsx", Cancel);

        Assert.Contains("/preview/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The package with <paramref name="name"/> replaced by <paramref name="size"/> bytes of one repeated string.</summary>
    private static byte[] WithPart(byte[] xlsx, string name, int size)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"));
            var chunk = Encoding.UTF8.GetBytes(new string('炸', 1024));
            for (var written = 0; written < size; written += chunk.Length)
            {
                part.Write(chunk);
            }

            part.Write(Encoding.UTF8.GetBytes("</t></si></sst>"));
        }

        return stream.ToArray();
    }
}

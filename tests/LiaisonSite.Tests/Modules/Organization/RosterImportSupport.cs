using System.Net;
using System.Text;
using LiaisonSite.Tests.Infrastructure;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>Uploading rosters through the real import form.</summary>
internal static class RosterImportSupport
{
    public const string ImportPage = "/admin/organization/import";

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    /// <summary>An .xlsx file made with MiniExcel from rows of header → value.</summary>
    public static byte[] Xlsx(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] ReadXlsx(byte[] bytes, out List<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream(bytes);
        rows = [.. stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        return bytes;
    }

    /// <summary>Posts the file; answers the upload's redirect and the page it leads to (the preview or the form with the error).</summary>
    public static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(
        HttpClient client, string kind, byte[] file, string fileName, CancellationToken cancel)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync(ImportPage, cancel));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(file), "file", fileName },
        };
        var response = await client.PostAsync(ImportPage, content, cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString, cancel);
        return (response, page);
    }

    /// <summary>Confirms the previewed import shown on <paramref name="previewUrl"/>; answers the page after it.</summary>
    public static async Task<string> ConfirmAsync(HttpClient client, string previewUrl, CancellationToken cancel)
    {
        var response = await SiteFactory.PostFormAsync(client, previewUrl, previewUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location!.OriginalString, cancel);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LiaisonSite.Tests.Infrastructure;
using SkiaSharp;

namespace LiaisonSite.Tests.Modules.Media;

public sealed class MediaUploadTests(MediaSiteFactory site) : IClassFixture<MediaSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })] // a Windows executable (MZ)
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })] // a Linux executable (ELF)
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x0A })] // a text file
    public async Task Upload_WhenBytesAreNotAnImage_IsRefusedWhateverTheNameAndType(byte[] head)
    {
        // Signed in first: the site (and the demo recipe's media) is set up before the folder is read.
        var client = await site.SignInAsync("editor1");
        var before = MediaFiles();

        var response = await UploadAsync(client, [.. head, .. new byte[2048]], "photo.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不是 JPEG、PNG、GIF 或 WebP", await ErrorAsync(response));
        Assert.Equal(before, MediaFiles());
    }

    [Fact]
    public async Task Upload_WhenLargerThanTheLimit_IsRefused()
    {
        var client = await site.SignInAsync("editor1");
        byte[] big = [0xFF, 0xD8, 0xFF, .. new byte[MediaSiteFactory.MaxUploadBytes]];

        var response = await UploadAsync(client, big, "big.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("图片不能超过", await ErrorAsync(response));
    }

    [Fact]
    public async Task Upload_JpegWithExifAndGps_IsStoredReencodedWithoutMetadata_InThreeSizes()
    {
        var upload = TestImages.WithExif(TestImages.Jpeg(2000, 1000));
        Assert.Contains((byte)0xE1, TestImages.SegmentMarkers(upload)); // the test image really carries EXIF
        var client = await site.SignInAsync("editor1");

        var response = await UploadAsync(client, upload, "../../holiday.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var path = json["path"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.jpg$", path); // a generated name, never the user's
        Assert.Equal(1600, json["width"]!.GetValue<int>());
        Assert.Equal(800, json["height"]!.GetValue<int>());

        var stored = await File.ReadAllBytesAsync(Path.Combine(site.MediaRoot, path), Ct);
        Assert.DoesNotContain((byte)0xE1, TestImages.SegmentMarkers(stored));
        Assert.False(TestImages.Contains(stored, "Exif"));
        Assert.False(TestImages.Contains(stored, TestImages.SecretInExif));
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((1600, 800), (decoded.Width, decoded.Height));
        foreach (var (variant, width) in new[] { ("-800.jpg", 800), ("-400.jpg", 400) })
        {
            using var small = SKBitmap.Decode(Path.Combine(site.MediaRoot, path[..^4] + variant));
            Assert.Equal(width, small.Width);
        }
    }

    [Fact]
    public async Task Upload_ThenServed_AnonymouslyWithItsTypeAndLongCaching()
    {
        var client = await site.SignInAsync("editor1");
        var upload = await UploadAsync(client, TestImages.Jpeg(300, 200), "a.png");
        var url = JsonNode.Parse(await upload.Content.ReadAsStringAsync(Ct))!["url"]!.GetValue<string>();

        var response = await site.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task Upload_WhenAnonymous_IsChallengedAndStoresNothing()
    {
        // An image of a size no other test uses, so "stored nothing" is about this upload only: the folder as a
        // whole also changes with the demo recipe's media and the other tests' uploads.
        const int width = 173, height = 61;
        using var content = Multipart(TestImages.Jpeg(width, height), "a.jpg");

        var response = await site.CreateBrowserClient().PostAsync("/admin/media/upload", content, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"Got {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(MediaFiles(), file => SizeOf(file) == (width, height));
    }

    [Fact]
    public async Task Upload_ThatIsStored_IsFoundBySize_SoTheAnonymousCheckCanSeeAStoredFile()
    {
        // The control of the test above: the same check finds a stored upload of a size of its own.
        var client = await site.SignInAsync("editor1");

        var response = await UploadAsync(client, TestImages.Jpeg(171, 59), "b.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MediaFiles(), file => SizeOf(file) == (171, 59));
    }

    [Fact]
    public async Task Upload_WhoseHeaderAnnouncesTooManyPixels_IsRefusedBeforeDecoding_InChinese()
    {
        var client = await site.SignInAsync("editor1");

        var response = await UploadAsync(client, TestImages.PngHeaderOnly(7071, 7071), "bomb.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Contains("7071", error, StringComparison.Ordinal);
        Assert.Contains("像素", error, StringComparison.Ordinal);
    }

    private static (int, int)? SizeOf(string file)
    {
        using var codec = SKCodec.Create(file);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    [Fact]
    public async Task Upload_WhenMemberWithoutMediaUpload_IsForbidden()
    {
        var client = await site.SignInAsync("member1");

        var response = await UploadAsync(client, TestImages.Jpeg(100, 100), "a.jpg", tokenPage: "/");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/media/..%2F..%2Fliaison.db")]
    [InlineData("/media/demo/..%2F..%2Fliaison.db")]
    [InlineData("/media/%2E%2E/liaison.db")]
    [InlineData("/media/demo")]
    [InlineData("/media/demo/")]
    [InlineData("/media/demo/missing.jpg")]
    [InlineData("/media/demo/branch-1-talk.jpg.tmp")]
    public async Task MediaFile_OutsideTheLibraryOrMissing_IsNotFound(string url)
    {
        var response = await site.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(TestImages.Contains(await response.Content.ReadAsByteArrayAsync(Ct), "SQLite format"));
    }

    private string[] MediaFiles()
        => Directory.Exists(site.MediaRoot)
            ? [.. Directory.GetFiles(site.MediaRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Posts like the editor's fetch: multipart body, antiforgery token in the header.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string tokenPage = "/admin/contents/new/TypicalExample")
    {
        var page = await (await client.GetAsync(tokenPage, Ct)).Content.ReadAsStringAsync(Ct);
        using var content = Multipart(bytes, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload") { Content = content };
        if (page.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            request.Headers.Add("RequestVerificationToken", SiteFactory.AntiforgeryToken(page));
        }

        return await client.SendAsync(request, Ct);
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    internal static async Task<string> ErrorAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!.GetValue<string>();
}

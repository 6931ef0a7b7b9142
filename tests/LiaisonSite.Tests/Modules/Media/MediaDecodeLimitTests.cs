using System.Net;
using Liaison.Media.Processing;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Media;

/// <summary>The demo site decoding one image at a time and waiting at most one second for its turn.</summary>
public sealed class OneDecodeSiteFactory() : SiteFactory("liaison-demo")
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Media:MaxConcurrentDecodes"] = "1",
        ["Liaison:Media:DecodeWaitSeconds"] = "1",
    };
}

/// <summary>
/// Issue 8, finding 10: images are decoded in a bounded number of slots, so parallel uploads of large images cannot
/// take the server's memory; an upload that finds no free slot in time is refused in Chinese, and stores nothing.
/// </summary>
public sealed class MediaDecodeLimitTests(OneDecodeSiteFactory site) : IClassFixture<OneDecodeSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_WhileEveryDecodeSlotIsTaken_IsRefusedAsBusy_ThenAcceptedOnceOneIsFree()
    {
        var client = await site.SignInAsync("editor1");
        var gate = site.Services.GetRequiredService<ImageDecodeGate>();

        HttpResponseMessage busy;
        using (await gate.HoldAsync(Ct))
        {
            busy = await MediaUploadTests.UploadAsync(client, TestImages.Jpeg(120, 80), "busy.jpg");
        }

        var free = await MediaUploadTests.UploadAsync(client, TestImages.Jpeg(120, 80), "free.jpg");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("服务器正在处理其他图片", await MediaUploadTests.ErrorAsync(busy), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }
}

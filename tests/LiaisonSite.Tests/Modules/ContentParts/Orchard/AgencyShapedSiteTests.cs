using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>
/// A site set up from a recipe in Orchard Core's agency shape: the landing page shows the items of its named BagParts
/// in order with their parts and fields (HTML sanitized), and its flow with a widget holding a flow of its own.
/// </summary>
public sealed class AgencyShapedSiteTests(AgencyShapedSite site) : IClassFixture<AgencyShapedSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LandingPage_RendersItsBagItemsInOrder_WithTheirPartsAndFields()
    {
        var response = await site.CreateClient().GetAsync("/home-page", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2 class=\"bag-part__title\">Services</h2>", page);
        Assert.True(page.IndexOf("Heart-to-heart talks", StringComparison.Ordinal) < page.IndexOf("Reception days", StringComparison.Ordinal));
        Assert.Contains("fa-comments", page);
        Assert.Contains("Every member talks with the people they <em>contact</em>.", page);
        Assert.Contains("Branch secretary", page);
        Assert.True(page.IndexOf("Reception days", StringComparison.Ordinal) < page.IndexOf("Li Hua", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert", page);
    }

    [Fact]
    public async Task LandingPage_RendersNestedFlows()
    {
        var page = await site.CreateClient().GetStringAsync("/home-page", Ct);

        Assert.Contains("A paragraph inside a container inside the page&#x27;s flow.", page.Replace("'", "&#x27;", StringComparison.Ordinal));
        Assert.Contains("bag-item-container", page);
        Assert.Contains("bag-item-paragraph", page);
    }

    [Fact]
    public async Task PageWithoutPath_GetsOneFromTheModelContentItemPattern()
    {
        var response = await site.CreateClient().GetAsync("/our-story", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Our Story</h1>", await response.Content.ReadAsStringAsync(Ct));
    }
}

using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

/// <summary>A site whose recipes may run one second, with a step that waits far longer after changing something.</summary>
public sealed class SlowRecipeSiteFactory : RecipesSiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Recipes:TimeLimitSeconds"] = "1",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IRecipeStepHandler, SlowStep>());
    }

    /// <summary>"Slow": stores a type, then waits 60 s (or until the recipe is cancelled).</summary>
    private sealed class SlowStep(IContentDefinitionManager definitions) : IRecipeStepHandler
    {
        public string Name => "Slow";

        public async Task ExecuteAsync(RecipeStepContext context)
        {
            await definitions.StoreTypeAsync(new ContentTypeDefinition { Name = context.Step.GetString("type")!, DisplayName = "慢" });
            await Task.Delay(TimeSpan.FromSeconds(60), context.CancellationToken);
        }
    }
}

/// <summary>Issue 8, finding 9: a whole recipe has a time limit; past it the run is stopped, refused and rolled back.</summary>
public sealed class RecipeTimeLimitTests(SlowRecipeSiteFactory site) : IClassFixture<SlowRecipeSiteFactory>
{
    [Fact]
    public async Task Recipe_RunningPastItsTimeLimit_IsStopped_AndChangesNothing()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<RecipeException>(() => site.RunRecipeAsync(
            """{"name": "slow", "steps": [{"name": "ContentDefinition", "ContentTypes": [{"Name": "BeforeSlow"}]}, {"name": "Slow", "type": "DuringSlow"}]}"""));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains("'slow'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1", e.Message, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("BeforeSlow"));
        Assert.Null(await site.GetTypeAsync("DuringSlow"));
    }
}

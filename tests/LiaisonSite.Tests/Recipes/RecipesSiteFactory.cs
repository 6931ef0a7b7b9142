using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

/// <summary>
/// A plain site with one extra field type, NoteField {Text}, whose "Required" setting is checked: the recipe tests do
/// not depend on which field types the modules ship.
/// </summary>
public class RecipesSiteFactory : SiteFactory
{
    public RecipesSiteFactory() : base("liaison")
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IContentFieldDriver, NoteFieldDriver>());
    }

    public async Task<RecipeResult> RunRecipeAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(json, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<ContentTypeDefinition?> GetTypeAsync(string name)
        => WithScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync(name));

    /// <summary>Every version row of the items of a type, oldest first.</summary>
    public Task<List<ContentItem>> VersionsAsync(string contentType)
        => WithScopeAsync(sp => sp.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentType == contentType).OrderBy(c => c.Id).ToListAsync());
}

/// <summary>A second, independent site (the target of a round trip).</summary>
public sealed class OtherRecipesSiteFactory : RecipesSiteFactory;

internal sealed class NoteFieldDriver : IContentFieldDriver
{
    public string FieldType => "NoteField";

    public DisplayResult? BuildDisplay(FieldDisplayContext context) => null;

    public DisplayResult? BuildEditor(FieldEditorContext context) => null;

    public Task UpdateEditorAsync(FieldUpdateContext context) => Task.CompletedTask;

    public IEnumerable<string> Validate(JsonObject? value, ContentPartFieldDefinition field)
    {
        var required = field.Settings["NoteFieldSettings"]?["Required"]?.GetValue<bool>() ?? false;
        if (required && string.IsNullOrWhiteSpace(value?["Text"]?.GetValue<string>()))
        {
            yield return $"{field.DisplayName} is required.";
        }
    }
}

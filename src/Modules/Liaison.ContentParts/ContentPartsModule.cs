using Liaison.ContentParts.Alias;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Fields;
using Liaison.ContentParts.Flows;
using Liaison.ContentParts.HtmlBody;
using Liaison.ContentParts.Liquid;
using Liaison.ContentParts.Lists;
using Liaison.ContentParts.Markdown;
using Liaison.ContentParts.Sanitizing;
using Liaison.ContentParts.Title;
using Liaison.ContentParts.Upgrades;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.ContentParts;

/// <summary>The building blocks of content types: code parts (title, path, bodies) and the generic fields.</summary>
public sealed class ContentPartsModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IHtmlSanitizerService, HtmlSanitizerService>();
        services.AddSingleton<IMarkdownService, MarkdownService>();
        services.AddSingleton<ContentLiquid>();
        services.AddScoped<StagedContentLoader>();
        services.AddScoped<ContentLiquidRenderer>();
        services.AddScoped<PartSettingsReader>();
        services.AddScoped<AutorouteRegistry>();
        services.AddScoped<IContentRouting, ContentRouting>();
        services.AddScoped<IPublicContentTypes, RoutableTypesArePublic>();
        services.AddScoped<PickerLookups>();
        services.AddScoped<IContentFieldTypeCatalog, ContentFieldTypeCatalog>();
        services.AddScoped<IIndexProvider, AutorouteIndexProvider>();
        services.AddScoped<IIndexProvider, ContainedPartIndexProvider>();
        services.AddScoped<IIndexProvider, AliasPartIndexProvider>();
        services.AddScoped<IContentAliases, ContentAliases>();
        services.AddUpgradeStep<CreateMenuTypes>();

        // Order matters: the title sets DisplayText before the path is generated from it.
        services.AddScoped<IContentHandler, TitlePartHandler>();
        services.AddScoped<IContentHandler, HtmlBodyPartHandler>();
        services.AddScoped<IContentHandler, LiquidPartHandler>();
        services.AddScoped<IContentHandler, AliasPartHandler>();
        services.AddScoped<IContentHandler, HtmlFieldHandler>();
        services.AddScoped<IContentHandler, AutoroutePartHandler>();
        services.AddScoped<IContentHandler, ContentPickerValidationHandler>();
        services.AddScoped<IContentHandler, UnknownPartsReporter>();
        services.AddScoped<IContentHandler, Home.SetHomepageHandler>();
        services.AddScoped<Home.IHomePage, Home.HomePage>();
        services.AddScoped<Home.HomepageChoice>();

        services.AddScoped<IContentPartDriver, TitlePartDriver>();
        services.AddScoped<IContentPartDriver, AutoroutePartDriver>();
        services.AddScoped<IContentPartDriver, HtmlBodyPartDriver>();
        services.AddScoped<IContentPartDriver, MarkdownBodyPartDriver>();
        services.AddScoped<IContentPartDriver, ListPartDriver>();
        services.AddScoped<IContentPartDriver, LiquidPartDriver>();
        services.AddScoped<IContentPartDriver, AliasPartDriver>();
        services.AddScoped<IContentPartDriver, ContainedPartDriver>();
        services.AddScoped<IContentPartDriver, BagPartDriver>();
        services.AddScoped<IContentPartDriver, FlowPartDriver>();

        services.AddScoped<IContentFieldDriver, TextFieldDriver>();
        services.AddScoped<IContentFieldDriver, HtmlFieldDriver>();
        services.AddScoped<IContentFieldDriver, NumericFieldDriver>();
        services.AddScoped<IContentFieldDriver, BooleanFieldDriver>();
        services.AddScoped<IContentFieldDriver, DateFieldDriver>();
        services.AddScoped<IContentFieldDriver, DateTimeFieldDriver>();
        services.AddScoped<IContentFieldDriver, ContentPickerFieldDriver>();
        services.AddScoped<IContentFieldDriver, UserPickerFieldDriver>();
        services.AddScoped<IContentFieldDriver, TagsFieldDriver>();
        services.AddScoped<IContentFieldDriver, MediaFieldDriver>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContainedPartIndex>(e =>
        {
            e.ToTable("ContainedPartIndex");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentItemId).HasMaxLength(ContainedPartIndex.MaxIdLength).IsRequired();
            e.Property(x => x.ListContentItemId).HasMaxLength(ContainedPartIndex.MaxIdLength).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            e.HasIndex(x => new { x.ListContentItemId, x.Published, x.SortUtc });
            e.HasIndex(x => x.ContentItemVersionId);
        });
        modelBuilder.Entity<AliasPartIndex>(e =>
        {
            e.ToTable("AliasPartIndex");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentItemId).HasMaxLength(ContainedPartIndex.MaxIdLength).IsRequired();
            e.Property(x => x.Alias).HasMaxLength(AliasPart.MaxLength).IsRequired();
            e.HasIndex(x => new { x.Alias, x.Published });
            e.HasIndex(x => x.ContentItemVersionId);
        });
        modelBuilder.Entity<AutorouteIndex>(e =>
        {
            e.ToTable("AutorouteIndex");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            e.Property(x => x.Path).HasMaxLength(AutoroutePaths.MaxLength).IsRequired();
            e.HasIndex(x => new { x.Path, x.Published });
            e.HasIndex(x => new { x.ContentItemId, x.Published });
            e.HasIndex(x => x.ContentItemVersionId);
        });
    }
}

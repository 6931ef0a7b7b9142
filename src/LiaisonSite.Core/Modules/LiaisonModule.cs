using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Modules;

/// <summary>
/// The contract every module fulfils: its services, its endpoints, its slice of the data model and the
/// modules it builds on. Modules are listed in one explicit <see cref="ModuleCatalog"/>, never scanned.
/// </summary>
public abstract class LiaisonModule
{
    /// <summary>The module's name, which is also its assembly name and MVC area (e.g. "Liaison.Contents").</summary>
    public virtual string Name => GetType().Assembly.GetName().Name!;

    /// <summary>Modules that must come before this one in the catalog.</summary>
    public virtual IEnumerable<Type> Dependencies => [];

    /// <summary>True for a theme: its views override the views of modules.</summary>
    public virtual bool IsTheme => false;

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Adds the module's entities, index tables and their EF configurations.</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Mono.Cecil;

namespace LiaisonSite.Tests.Architecture;

/// <summary>
/// Modules talk through kernel services, published contracts and events, never by reading another module's tables
/// (<see cref="ModuleBoundaries"/>). The rules are run over every module of the site, and over a few deliberately
/// wrong types in this test project, to prove that they do find what they forbid.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Lazy<IReadOnlyList<ModuleShape>> s_modules = new(LoadModules);

    [Fact]
    public void NoModule_UsesAnotherModulesData_OrGoesPastItsContracts()
    {
        var violations = s_modules.Value
            .SelectMany(m => ModuleBoundaries.Check(m.Name, Types(AssemblyOf(m.Name)), s_modules.Value))
            .ToList();

        Assert.True(violations.Count == 0, "Modules crossing a boundary:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRules_FindEachKindOfViolation_InDeliberatelyWrongCode()
    {
        var wrong = Types(typeof(ModuleBoundaryTests).Assembly.Location)
            .Where(t => t.Namespace == typeof(Violations.ReadsAnotherModulesTable).Namespace);

        var found = ModuleBoundaries.Check("LiaisonSite.Tests", wrong, s_modules.Value).Select(v => v.ToString()).ToList();

        var ns = typeof(Violations.ReadsAnotherModulesTable).Namespace;
        Assert.Contains($"{ns}.ReadsAnotherModulesTable uses Liaison.Organization.Data.PartyMember (data of Liaison.Organization)", found);
        Assert.Contains($"{ns}.MapsAnotherModulesEntity uses Liaison.Organization.Data.MassPerson (data of Liaison.Organization)", found);
        Assert.Contains($"{ns}.UsesAnInternalService uses Liaison.Organization.Services.OrganizationScope (not a contract of Liaison.Organization)", found);
        Assert.Contains($"{ns}.QueriesByTableName uses \"PartyMembers\" (a table of Liaison.Organization)", found);
        Assert.Contains($"{ns}.QueriesByTableName uses \"MassPersons\" (a table of Liaison.Organization)", found);
        Assert.DoesNotContain(found, v => v.StartsWith($"{ns}.UsesTheContracts ", StringComparison.Ordinal));
    }

    [Fact]
    public void OrganizationsTypes_AreInternal_ExceptItsContractsModuleAndPermissions()
    {
        var exposed = typeof(Liaison.Organization.OrganizationModule).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "Liaison.Organization.Contracts")
            .Select(t => t.FullName!)
            .Where(n => n is not ("Liaison.Organization.OrganizationModule" or "Liaison.Organization.Permissions"))
            .ToList();

        Assert.True(exposed.Count == 0, "Public types outside Organization's contracts:\n" + string.Join("\n", exposed));
    }

    [Fact]
    public void ForeignKeysAcrossModules_NeverCascade()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        var cascading = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade or DeleteBehavior.SetNull
                && IsModule(fk.DeclaringEntityType) && IsModule(fk.PrincipalEntityType)
                && fk.DeclaringEntityType.ClrType.Assembly != fk.PrincipalEntityType.ClrType.Assembly)
            .Select(fk => $"{fk.DeclaringEntityType.DisplayName()} → {fk.PrincipalEntityType.DisplayName()} ({fk.DeleteBehavior})")
            .ToList();

        Assert.NotEmpty(db.Model.FindEntityType(typeof(Liaison.Pairing.Data.Pair))!.GetForeignKeys());
        Assert.True(cascading.Count == 0, "Foreign keys that delete across modules:\n" + string.Join("\n", cascading));
    }

    private static bool IsModule(IReadOnlyEntityType type) => type.ClrType.Assembly.GetName().Name!.StartsWith("Liaison.", StringComparison.Ordinal);

    private static IReadOnlyList<ModuleShape> LoadModules()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var entities = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();
        return [.. SiteModules.Catalog.Modules.Where(m => !m.IsTheme).Select(m =>
        {
            var assembly = m.GetType().Assembly;
            var own = entities.Where(e => e.ClrType.Assembly == assembly).ToList();
            return new ModuleShape(
                m.Name,
                own.Select(e => e.ClrType.FullName!).ToHashSet(),
                own.Select(e => e.GetTableName()).OfType<string>().ToHashSet(),
                assembly.GetTypes().Any(t => t.Namespace == m.Name + ".Contracts"));
        })];
    }

    private static string AssemblyOf(string module)
        => SiteModules.Catalog.Modules.Single(m => m.Name == module).GetType().Assembly.Location;

    // Read into memory and left open: Cecil reads method bodies lazily.
    private static List<TypeDefinition> Types(string path)
        => [.. AssemblyDefinition.ReadAssembly(path, new ReaderParameters { InMemory = true }).MainModule.Types];
}

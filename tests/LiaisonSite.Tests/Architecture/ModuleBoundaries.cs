using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LiaisonSite.Tests.Architecture;

/// <summary>One type of a module using what it may not: another module's data, or its internals past its contracts.</summary>
internal sealed record BoundaryViolation(string From, string Uses, string Rule)
{
    public override string ToString() => $"{From} uses {Uses} ({Rule})";
}

/// <summary>What a module owns, as the boundary rules see it.</summary>
/// <param name="Name">The assembly name, which is also the root namespace ("Liaison.Organization").</param>
/// <param name="EntityTypes">Full names of the entity types of the EF model that the module's assembly defines.</param>
/// <param name="Tables">The tables of those entities.</param>
/// <param name="PublishesContracts">Whether it has a <c>Contracts</c> namespace: then other modules use only that.</param>
internal sealed record ModuleShape(string Name, IReadOnlySet<string> EntityTypes, IReadOnlySet<string> Tables, bool PublishesContracts);

/// <summary>
/// The rules of module boundaries, checked on IL (Mono.Cecil), so a use is found wherever it hides: a signature,
/// a local, a generic argument (<c>db.Set&lt;PartyMember&gt;()</c>), a lambda or async state machine, an attribute,
/// an EF configuration (<c>HasOne&lt;MassPerson&gt;()</c>). A type of module M may not use, of another module X:
/// 1. a type of X's <c>Data</c> namespace, or any entity type of the EF model X defines (its DbSets, navigations);
/// 2. a string literal naming one of X's tables (raw SQL, <c>Set&lt;…&gt;("name")</c>);
/// 3. when X publishes <c>Contracts</c>: anything of X but its contracts, its module class and its permissions.
/// </summary>
internal static class ModuleBoundaries
{
    public static IEnumerable<BoundaryViolation> Check(string from, IEnumerable<TypeDefinition> types, IReadOnlyList<ModuleShape> modules)
    {
        var others = modules.Where(m => m.Name != from).ToDictionary(m => m.Name);
        var found = new HashSet<BoundaryViolation>();
        foreach (var type in types.SelectMany(Nested))
        {
            var user = Outermost(type).FullName;
            foreach (var used in UsedTypes(type))
            {
                if (others.TryGetValue(used.Scope.Name, out var owner) && Judge(used, owner) is { } rule)
                {
                    found.Add(new(user, used.FullName, rule));
                }
            }

            foreach (var literal in Literals(type))
            {
                foreach (var owner in others.Values)
                {
                    // The name alone (a shared-type set) or quoted in SQL.
                    foreach (var table in owner.Tables.Where(t => literal == t || literal.Contains($"\"{t}\"", StringComparison.Ordinal)))
                    {
                        found.Add(new(user, $"\"{table}\"", $"a table of {owner.Name}"));
                    }
                }
            }
        }

        return found.OrderBy(v => v.ToString(), StringComparer.Ordinal);
    }

    private static string? Judge(TypeReference used, ModuleShape owner)
    {
        var top = used;
        while (top.DeclaringType is not null)
        {
            top = top.DeclaringType;
        }

        var ns = top.Namespace;
        if (InNamespace(ns, owner.Name + ".Data") || owner.EntityTypes.Contains(used.FullName.Replace('/', '+')))
        {
            return $"data of {owner.Name}";
        }

        var published = InNamespace(ns, owner.Name + ".Contracts")
            || (ns == owner.Name && (top.Name.EndsWith("Module", StringComparison.Ordinal) || top.Name == "Permissions"));
        return owner.PublishesContracts && !published ? $"not a contract of {owner.Name}" : null;
    }

    private static bool InNamespace(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) => type.NestedTypes.SelectMany(Nested).Prepend(type);

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    private static IEnumerable<string> Literals(TypeDefinition type)
        => type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Ldstr)
            .Select(i => (string)i.Operand);

    /// <summary>Every type the definition mentions, generic arguments and element types unfolded.</summary>
    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var direct = new List<TypeReference?> { type.BaseType };
        direct.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        direct.AddRange(type.Fields.Select(f => f.FieldType));
        direct.AddRange(type.Properties.Select(p => p.PropertyType));
        direct.AddRange(type.Events.Select(e => e.EventType));
        direct.AddRange(type.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
        direct.AddRange(Attributes(type.CustomAttributes));
        foreach (var method in type.Methods)
        {
            direct.Add(method.ReturnType);
            direct.AddRange(method.Parameters.Select(p => p.ParameterType));
            direct.AddRange(method.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
            direct.AddRange(Attributes(method.CustomAttributes));
            if (!method.HasBody)
            {
                continue;
            }

            direct.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        direct.Add(t);
                        break;
                    case MethodReference m:
                        direct.Add(m.DeclaringType);
                        direct.Add(m.ReturnType);
                        direct.AddRange(m.Parameters.Select(p => p.ParameterType));
                        if (m is GenericInstanceMethod g)
                        {
                            direct.AddRange(g.GenericArguments);
                        }

                        break;
                    case FieldReference f:
                        direct.Add(f.DeclaringType);
                        direct.Add(f.FieldType);
                        break;
                }
            }
        }

        return direct.Where(t => t is not null).SelectMany(t => Unfold(t!));
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes)
        => attributes.SelectMany(a => a.ConstructorArguments.Select(c => c.Value).OfType<TypeReference>().Append(a.AttributeType));

    private static IEnumerable<TypeReference> Unfold(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                return generic.GenericArguments.SelectMany(Unfold).Concat(Unfold(generic.ElementType));
            case TypeSpecification spec:
                return Unfold(spec.ElementType);
            case GenericParameter:
                return [];
            default:
                return [type];
        }
    }
}

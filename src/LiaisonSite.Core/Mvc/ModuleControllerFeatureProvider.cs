using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace LiaisonSite.Core.Mvc;

/// <summary>
/// Finds controllers as MVC does, and also the <c>internal</c> ones: a module's types are internal unless another
/// module may use them (its <c>Contracts</c>), and a controller is used by nobody but MVC.
/// </summary>
internal sealed class ModuleControllerFeatureProvider : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo)
        => base.IsController(typeInfo)
            || (typeInfo is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false, IsNested: false, IsPublic: false }
                && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal)
                && typeof(ControllerBase).IsAssignableFrom(typeInfo)
                && !typeInfo.IsDefined(typeof(NonControllerAttribute)));
}

using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Security;

namespace Liaison.Forms;

/// <summary>
/// Makes a content type a form (Orchard's Forms, the simple way): its fields are what the form asks, its settings
/// (<see cref="FormPartSettings"/>, on the type's FormPart) who may fill it in. The part itself stores nothing.
/// </summary>
public sealed class FormPart : ContentPart;

/// <summary>Who a form is offered to; stored in the type definition under "FormPartSettings".</summary>
public sealed class FormPartSettings
{
    /// <summary>Roles whose holders fill the form in at /admin/forms/{type} (none: nobody signed in).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Offered to everyone at /forms/{type}, without signing in (rate limited per client).</summary>
    public bool Public { get; set; }

    /// <summary>Shown after a submission; a default thanks when empty.</summary>
    public string? SuccessMessage { get; set; }
}

/// <summary>A type that is a form, with its settings.</summary>
public sealed record FormType(ContentTypeDefinition Definition, FormPartSettings Settings)
{
    public string Name => Definition.Name;

    public string DisplayName => string.IsNullOrWhiteSpace(Definition.DisplayName) ? Definition.Name : Definition.DisplayName;

    /// <summary>Whether the signed-in user holds one of the form's roles (the Administrator always may).</summary>
    public bool OfferedTo(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
            && (user.IsInRole(RoleNames.Administrator) || Settings.Roles.Any(user.IsInRole));
}

/// <summary>The form types of the site, read from the content definitions (documents in memory).</summary>
public sealed class FormTypes(IContentDefinitionManager definitions, IContentTypeResolver resolver)
{
    public const string PartName = nameof(FormPart);

    public async Task<IReadOnlyList<FormType>> ListAsync()
        => [.. (await definitions.ListTypesAsync()).Select(Of).OfType<FormType>().OrderBy(f => f.DisplayName, StringComparer.Ordinal)];

    /// <summary>The form a route's type name refers to (resolved to its definition first), or null.</summary>
    public async Task<FormType?> ResolveAsync(string? type) => await resolver.ResolveAsync(type) is { } definition ? Of(definition) : null;

    public static FormType? Of(ContentTypeDefinition definition)
        => definition.Parts.FirstOrDefault(p => p.PartName == PartName) is { } part
            ? new FormType(definition, part.Settings.GetSettings<FormPartSettings>())
            : null;
}

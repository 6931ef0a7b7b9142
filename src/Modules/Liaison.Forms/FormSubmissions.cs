using System.Security.Claims;
using System.Text.Json.Nodes;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Http;

namespace Liaison.Forms;

/// <summary>What a submission gave: the item created, or the errors to show next to the fields (nothing saved).</summary>
public sealed record FormSubmission(ContentItem Item, IReadOnlyList<ContentValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Turns a posted form into a content item of its type with the type's own editors and validation: a draft owned by
/// the submitter (the content manager stamps owner and author; nobody for an anonymous public form), placed in the
/// submitter's branch when the type has a content picker field named "Branch", and "form submitted" raised with it
/// in the same transaction, so workflows start on it once it is committed.
/// </summary>
public sealed class FormSubmissions(
    IContentManager contents, IContentDefinitionManager definitions, IContentDisplayManager display, IRosterQueries roster,
    LiaisonDbContext db)
{
    /// <summary>The field that places an item in a branch (as workflows read it).</summary>
    public const string BranchField = "Branch";

    public Task<ContentItem> NewAsync(FormType form) => contents.NewAsync(form.Name);

    public Task<IReadOnlyList<DisplayResult>> EditorsAsync(ContentItem item) => display.BuildEditorAsync(item);

    public async Task<FormSubmission> SubmitAsync(FormType form, ClaimsPrincipal user, IFormCollection posted, CancellationToken cancellationToken)
    {
        var item = await contents.NewAsync(form.Name);
        var errors = await display.UpdateEditorAsync(item, posted);
        if (errors.Count > 0)
        {
            return new FormSubmission(item, errors);
        }

        await PlaceInBranchAsync(form, item, user);
        try
        {
            await contents.CreateAsync(item, VersionOptions.Draft);
        }
        catch (ContentValidationException e)
        {
            return new FormSubmission(item, e.Errors);
        }

        db.Raise(new FormSubmitted(item.ContentItemId, item.ContentItemVersionId, item.ContentType, user.Identity?.Name ?? ""));
        await db.SaveChangesAsync(cancellationToken);
        return new FormSubmission(item, []);
    }

    // The branch comes from the roster, never from the form: a member's own branch, else none.
    private async Task PlaceInBranchAsync(FormType form, ContentItem item, ClaimsPrincipal user)
    {
        if (!form.Definition.HasPart(form.Name) || user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var part = item.Content[form.Name] as JsonObject;
        if (part?[BranchField] is null && !await HasBranchFieldAsync(form.Name))
        {
            return;
        }

        var branchId = (await roster.ScopeAsync(user)).Member?.BranchId;
        part ??= [];
        part[BranchField] = new JsonObject { ["ContentItemIds"] = branchId is null ? new JsonArray() : new JsonArray(branchId) };
        item.Content[form.Name] = part;
    }

    private async Task<bool> HasBranchFieldAsync(string partName)
        => (await definitions.GetPartAsync(partName))?.Fields.Any(f => f.Name == BranchField) == true;
}

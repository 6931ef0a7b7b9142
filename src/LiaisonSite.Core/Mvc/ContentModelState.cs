using LiaisonSite.Core.ContentManagement;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LiaisonSite.Core.Mvc;

public static class ContentModelState
{
    /// <summary>
    /// Puts content validation errors where the editors show them: next to their field ("{Part}.{Field}"), or at the
    /// top of the form for an error of the whole item.
    /// </summary>
    public static void AddContentErrors(this ModelStateDictionary modelState, IEnumerable<ContentValidationError> errors)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Key ?? "", error.Message);
        }
    }
}

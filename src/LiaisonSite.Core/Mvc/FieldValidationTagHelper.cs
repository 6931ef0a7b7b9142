using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LiaisonSite.Core.Mvc;

/// <summary>
/// Puts a refused field's messages next to the field, in red (Bootstrap's <c>is-invalid</c> and
/// <c>invalid-feedback</c>), and links them to it with <c>aria-describedby</c>: every <c>asp-for</c> input, select and
/// textarea of a view that imports this assembly's tag helpers. The form's summary above keeps listing every error,
/// so a screen reader user hears them first.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttributeName)]
[HtmlTargetElement("select", Attributes = ForAttributeName)]
[HtmlTargetElement("textarea", Attributes = ForAttributeName)]
public sealed class FieldValidationTagHelper : TagHelper
{
    private const string ForAttributeName = "asp-for";

    // After the framework's own helpers, which write the name and the input-validation-error class.
    public override int Order => 100;

    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["type"]?.Value?.ToString() is "hidden")
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var id = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? id : describedBy + " " + id);

        var feedback = new TagBuilder("div");
        feedback.AddCssClass("invalid-feedback d-block");
        feedback.Attributes["id"] = id;
        feedback.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0)));
        output.PostElement.AppendHtml(feedback);
    }
}

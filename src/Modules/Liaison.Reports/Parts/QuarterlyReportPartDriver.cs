using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;

namespace Liaison.Reports.Parts;

public sealed record ReportPartDisplayModel(ContentItem Item, QuarterlyReportPart Part);

public sealed record ReportPartEditModel(string Prefix, QuarterlyReportPart Part);

/// <summary>The detail display (figures and narrative, also in the secretary's task) and the admin editor.</summary>
internal sealed class QuarterlyReportPartDriver : IContentPartDriver
{
    public string PartName => nameof(QuarterlyReportPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Summary" ? null : new("QuarterlyReportPart", new ReportPartDisplayModel(context.ContentItem, context.ContentItem.As<QuarterlyReportPart>()));

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("QuarterlyReportPart_Edit", new ReportPartEditModel(context.Prefix, context.ContentItem.As<QuarterlyReportPart>()));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<QuarterlyReportPart>();
        ReportForm.Read(context.Form, context.Prefix, part);
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

/// <summary>Reads the report's form fields ({prefix}.Quarter, .WorkDone, …); the member is never read from a form.</summary>
internal static class ReportForm
{
    public static void Read(Microsoft.AspNetCore.Http.IFormCollection form, string prefix, QuarterlyReportPart part, bool readQuarter = true)
    {
        string? Text(string name) => form.TryGetValue($"{prefix}.{name}", out var v) ? v.ToString().Trim() : null;
        if (readQuarter && Text(nameof(part.Quarter)) is { } quarter)
        {
            part.Quarter = quarter;
        }

        part.WorkDone = Text(nameof(part.WorkDone)) ?? part.WorkDone;
        part.Problems = Text(nameof(part.Problems)) ?? part.Problems;
        part.Cases = Text(nameof(part.Cases)) ?? part.Cases;
        part.NextPlan = Text(nameof(part.NextPlan)) ?? part.NextPlan;
    }
}

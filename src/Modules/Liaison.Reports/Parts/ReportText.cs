using Liaison.Reports.Data;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Parts;

/// <summary>Names of states, occasions and figures in the user's language.</summary>
public sealed class ReportText(IStringLocalizer<ReportText> S)
{
    public string State(ReportState state) => state switch
    {
        ReportState.Draft => S["Draft (not handed in)"],
        ReportState.Submitted => S["Submitted"],
        ReportState.Returned => S["Returned"],
        ReportState.Approved => S["Approved"],
        _ => S["Not reported"],
    };

    public string Occasion(int occasion) => occasion switch
    {
        0 => S["Regular talk"],
        1 => S["Job change"],
        2 => S["Reward or punishment"],
        3 => S["Setback"],
        4 => S["Conduct problem"],
        5 => S["Appraisal feedback"],
        _ => "",
    };

    public string Category(int category) => S["Category {0} contacts", category];
}

using Liaison.Organization.Contracts;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Security;

/// <summary>The access log names a view of a sensitive talk record in words.</summary>
internal sealed class TalkAccessLogTerms(IStringLocalizer<TalkAccessLogTerms> S) : IAccessLogTerms
{
    public string? ActionName(string action) => action == TalkAccessScope.ViewAction ? S["Viewed a talk record"].Value : null;

    public string? CategoryName(int category) => null;
}

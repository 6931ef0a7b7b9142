using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Contracts;

/// <summary>
/// Recipes and imports name members and persons by their school numbers (<c>MemberNumber</c>, <c>PersonKind</c> +
/// <c>PersonNumber</c>); a part stores row ids (<c>MemberId</c>, <c>PersonId</c>). A number that matches nobody is left
/// in the JSON so that the part's validation can name it.
/// </summary>
public static class RosterNumbers
{
    /// <summary>
    /// Turns a member's number in <paramref name="numberProperty"/> ("HostNumber") into their id in
    /// <paramref name="idProperty"/> ("HostMemberId"), where a member has it; an unknown number stays for validation.
    /// </summary>
    public static async Task ResolveMemberNumberAsync(this IRosterQueries roster, JsonObject part, string numberProperty, string idProperty)
    {
        if (part[numberProperty]?.ToString().Trim() is { Length: > 0 } number)
        {
            var id = await roster.Members().Where(m => m.Number == number).Select(m => (int?)m.Id).FirstOrDefaultAsync();
            if (id is not null)
            {
                part[idProperty] = id;
                part.Remove(numberProperty);
            }
        }
    }

    /// <summary>Turns the numbers of the part's JSON into ids, where a member or person has them.</summary>
    public static async Task ResolveNumbersAsync(this IRosterQueries roster, JsonObject part)
    {
        if (part["MemberNumber"]?.ToString().Trim() is { Length: > 0 } memberNumber)
        {
            var id = await roster.Members().Where(m => m.Number == memberNumber).Select(m => (int?)m.Id).FirstOrDefaultAsync();
            if (id is not null)
            {
                part["MemberId"] = id;
                part.Remove("MemberNumber");
            }
        }

        if (part["PersonNumber"]?.ToString().Trim() is { Length: > 0 } personNumber)
        {
            var kind = Enum.TryParse<PersonKind>(part["PersonKind"]?.ToString(), ignoreCase: true, out var k) ? k : PersonKind.Student;
            var id = await roster.Persons().Where(p => p.Kind == kind && p.Number == personNumber)
                .Select(p => (int?)p.Id).FirstOrDefaultAsync();
            if (id is not null)
            {
                part["PersonId"] = id;
                part.Remove("PersonNumber");
                part.Remove("PersonKind");
            }
        }
    }
}

using Liaison.Organization.Contracts;

namespace Liaison.Contacts.Parts;

/// <summary>The access log's category column names the four contact categories (SPEC R1), not their numbers.</summary>
internal sealed class ContactAccessLogTerms(ContactCategoryText text) : IAccessLogTerms
{
    public string? ActionName(string action) => null;

    public string? CategoryName(int category) => ContactCategories.IsValid(category) ? text.Name(category) : null;
}

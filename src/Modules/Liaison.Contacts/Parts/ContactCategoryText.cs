using Microsoft.Extensions.Localization;

namespace Liaison.Contacts.Parts;

/// <summary>The names and aims of the four categories of SPEC R1, as the member is shown them.</summary>
public sealed class ContactCategoryText(IStringLocalizer<ContactCategoryText> S)
{
    public string Name(int category) => category switch
    {
        ContactCategories.Activist => S["Activists applying to join the Party"],
        ContactCategories.Hardship => S["Special-care recipients and staff and students in economic difficulty"],
        ContactCategories.YoungStaff => S["Young cadres and staff"],
        ContactCategories.Assistance => S["People under assistance and education"],
        _ => S["Unknown category"],
    };

    public string Aim(int category) => category switch
    {
        ContactCategories.Activist => S["Raise their understanding of the Party; observe how they understand and carry out its policies."],
        ContactCategories.Hardship => S["Care for their living conditions; help solve their practical difficulties."],
        ContactCategories.YoungStaff => S["Know their thinking, life and work; give them real help."],
        ContactCategories.Assistance => S["Care for them regularly; teach them to keep the law; guide their change."],
        _ => "",
    };
}

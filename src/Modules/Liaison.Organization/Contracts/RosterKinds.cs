namespace Liaison.Organization.Contracts;

/// <summary>Whether a person of the masses roster is on the staff or a student.</summary>
public enum PersonKind
{
    /// <summary>教职工.</summary>
    Staff = 0,

    /// <summary>学生.</summary>
    Student = 1,
}

/// <summary>What a cadre's contact point is fixed to.</summary>
public enum ContactPointKind
{
    /// <summary>年级 (R2): the point's value names the grade.</summary>
    Grade = 0,

    /// <summary>学科 (R2): the point's value names the subject.</summary>
    Subject = 1,

    /// <summary>教研室 (R6): exactly one per leading cadre, its unit.</summary>
    TeachingSection = 2,

    /// <summary>基层联系点 (R6): exactly one per leading cadre, its unit.</summary>
    GrassrootsUnit = 3,
}

/// <summary>The actions written to the access log.</summary>
public static class AccessActions
{
    public const string ViewContact = "view-contact";
    public const string RevealPhone = "reveal-phone";
    public const string RevealIdNumber = "reveal-id";
    public const string Export = "export";
}

namespace LiaisonSite.Core.ContentManagement;

/// <summary>Base of the parts with code (TitlePart, AutoroutePart, …). Stored as JSON under the class name.</summary>
public abstract class ContentPart
{
}

using LiaisonSite.Core.Display;

namespace Liaison.Forms;

/// <summary>A form to fill in: its type, the editors of its fields, where it posts.</summary>
public sealed record FormFillModel(FormType Form, IReadOnlyList<DisplayResult> Editors, string Action);

/// <summary>After a submission: the form and the message its settings give.</summary>
public sealed record FormThanksModel(FormType Form, string Message, string AgainUrl);

/// <summary>/admin/forms: the forms the user may fill in, and for a manager every type with its form settings.</summary>
public sealed record FormListModel(IReadOnlyList<FormType> Offered, IReadOnlyList<FormSettingsRow>? Managed);

public sealed record FormSettingsRow(string TypeName, string DisplayName, FormType? Form);

/// <summary>The settings editor of one type.</summary>
public sealed record FormSettingsModel(string TypeName, string DisplayName, bool IsForm, FormPartSettings Settings, IReadOnlyList<string> Roles);

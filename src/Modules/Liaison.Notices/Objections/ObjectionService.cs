using Liaison.Notices.Data;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Objections;

/// <summary>What a visitor posts. Website is the honeypot: hidden from people, filled in by bots.</summary>
public sealed class ObjectionInput
{
    public bool Anonymous { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string? Text { get; set; }

    public string? Website { get; set; }
}

public enum ObjectionOutcome
{
    Stored,
    Invalid,
    NotOpen,
    NotFound,
}

public sealed record ObjectionResult(ObjectionOutcome Outcome, Objection? Objection = null, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>Takes an objection to a published notice while its period is open; anything else stores nothing.</summary>
public sealed class ObjectionService(IContentManager contents, LiaisonDbContext db, TimeProvider clock, IStringLocalizer<ObjectionService> S)
{
    public async Task<ObjectionResult> SubmitAsync(string noticeId, ObjectionInput input)
    {
        var notice = await contents.GetAsync(noticeId);
        if (notice is null || !notice.Has<PublicNoticePart>())
        {
            return new(ObjectionOutcome.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!NoticePeriod.At(notice.As<PublicNoticePart>(), now).IsOpen)
        {
            return new(ObjectionOutcome.NotOpen);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new(ObjectionOutcome.Invalid, Errors: errors);
        }

        var objection = new Objection
        {
            NoticeContentItemId = notice.ContentItemId,
            CreatedUtc = now,
            Anonymous = input.Anonymous,
            Name = input.Anonymous ? null : Clean(input.Name),
            Contact = input.Anonymous ? null : Clean(input.Contact),
            Text = input.Text!.Trim(),
            Status = ObjectionStatus.Pending,
            Receipt = NewReceipt(),
        };
        db.Add(objection);
        await db.SaveChangesAsync();
        return new(ObjectionOutcome.Stored, objection);
    }

    private Dictionary<string, string> Validate(ObjectionInput input)
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(input.Website))
        {
            // Only a bot sees the honeypot; the message stays vague so that it learns nothing.
            errors[""] = S["Your submission could not be accepted. Please reload the page and try again."];
            return errors;
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[nameof(ObjectionInput.Text)] = S["Please write your objection or opinion."];
        }
        else if (text.Length < Objection.MinTextLength)
        {
            errors[nameof(ObjectionInput.Text)] = S["Please write at least {0} characters.", Objection.MinTextLength];
        }
        else if (text.Length > Objection.MaxTextLength)
        {
            errors[nameof(ObjectionInput.Text)] = S["Please write at most {0} characters.", Objection.MaxTextLength];
        }

        if (!input.Anonymous)
        {
            if (Clean(input.Name)?.Length > Objection.MaxNameLength)
            {
                errors[nameof(ObjectionInput.Name)] = S["The name can have at most {0} characters.", Objection.MaxNameLength];
            }

            if (Clean(input.Contact)?.Length > Objection.MaxContactLength)
            {
                errors[nameof(ObjectionInput.Contact)] = S["The contact can have at most {0} characters.", Objection.MaxContactLength];
            }
        }

        return errors;
    }

    /// <summary>"GS-" and 16 characters of Crockford's base 32 (no I, L, O, U): 80 random bits.</summary>
    public static string NewReceipt()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] & 31];
        }

        return "GS-" + new string(chars);
    }

    /// <summary>A receipt as typed ("gs-abcd…", with spaces or dashes) in its stored form, or null when it cannot be one.</summary>
    public static string? NormalizeReceipt(string? typed)
    {
        var raw = new string((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (raw.StartsWith("GS", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }

        return raw.Length == 16 ? "GS-" + raw : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

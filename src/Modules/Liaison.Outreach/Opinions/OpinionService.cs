using Liaison.Outreach.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.Opinions;

/// <summary>What a visitor posts. Website is the honeypot: hidden from people, filled in by bots.</summary>
public sealed class OpinionInput
{
    public bool Anonymous { get; set; } = true;

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string? Subject { get; set; }

    public string? Text { get; set; }

    public bool RightsComplaint { get; set; }

    public string? Website { get; set; }
}

public sealed record OpinionSubmitResult(string? Code, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Takes opinions from the public box and answers them. The tracking code is 160 random bits in base-32 (32
/// characters), shown once to the sender and stored as its hash, so whoever reads the database cannot read replies
/// in the sender's name. Rights complaints notify the committee.
/// </summary>
public sealed class OpinionService(LiaisonDbContext db, ISchoolClock clock, INotifier notifier, IStringLocalizer<OpinionService> S)
{
    public const string CodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<OpinionSubmitResult> SubmitAsync(OpinionInput input)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var code = NewCode();
        var opinion = new Opinion
        {
            CreatedUtc = clock.UtcNow,
            Anonymous = input.Anonymous,
            Name = input.Anonymous ? null : Clean(input.Name),
            Contact = input.Anonymous ? null : Clean(input.Contact),
            Subject = Clean(input.Subject)!,
            Text = input.Text!.Trim(),
            RightsComplaint = input.RightsComplaint,
            CodeHash = Hash(code),
            Status = OpinionStatus.Open,
        };
        db.Add(opinion);
        if (opinion.RightsComplaint)
        {
            await notifier.NotifyAsync(NotificationRecipients.InRole(RoleNames.CommitteeAdmin),
                new NotificationMessage(S["A complaint about infringed rights"], opinion.Subject, "/admin/opinions"));
        }

        await db.SaveChangesAsync();
        return new(code, errors);
    }

    /// <summary>The opinion with this tracking code, or null (unknown, malformed).</summary>
    public Task<Opinion?> FindByCodeAsync(string? code)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        if (normalized.Length != 32 || normalized.Any(c => !CodeAlphabet.Contains(c)))
        {
            return Task.FromResult<Opinion?>(null);
        }

        var hash = Hash(normalized);
        return db.Set<Opinion>().AsNoTracking().FirstOrDefaultAsync(o => o.CodeHash == hash);
    }

    public static string Hash(string code) => SecretCodes.Hash(code);

    public static string NewCode() => SecretCodes.NewFromAlphabet(CodeAlphabet, 32);

    private Dictionary<string, string> Validate(OpinionInput input)
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(input.Website))
        {
            errors[""] = S["Your opinion could not be accepted. Please reload the page and try again."];
            return errors;
        }

        var subject = Clean(input.Subject);
        if (subject is null)
        {
            errors[nameof(input.Subject)] = S["Please give your opinion a subject."];
        }
        else if (subject.Length > Opinion.MaxSubjectLength)
        {
            errors[nameof(input.Subject)] = S["The subject can have at most {0} characters.", Opinion.MaxSubjectLength];
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length < Opinion.MinTextLength)
        {
            errors[nameof(input.Text)] = S["Please write at least {0} characters.", Opinion.MinTextLength];
        }
        else if (text.Length > Opinion.MaxTextLength)
        {
            errors[nameof(input.Text)] = S["Please write at most {0} characters.", Opinion.MaxTextLength];
        }

        if (!input.Anonymous && Clean(input.Name)?.Length > Opinion.MaxNameLength)
        {
            errors[nameof(input.Name)] = S["The name can have at most {0} characters.", Opinion.MaxNameLength];
        }

        if (!input.Anonymous && Clean(input.Contact)?.Length > Opinion.MaxContactLength)
        {
            errors[nameof(input.Contact)] = S["The contact can have at most {0} characters.", Opinion.MaxContactLength];
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

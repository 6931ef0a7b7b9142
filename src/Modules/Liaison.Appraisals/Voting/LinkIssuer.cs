using Liaison.Appraisals.Data;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Liaison.Appraisals.Voting;

/// <summary>A printed slip: who it is for, the link and its QR code (inline SVG).</summary>
public sealed record VoteSlip(string VoterName, string Url, string QrSvg);

/// <summary>
/// Issues one-time links. A token exists only in the answer that issues it (the printed slips, the queued mail):
/// issuing stores its hash in place of the voter's previous one, so the earlier link stops working. Voters who
/// already voted get nothing. Staged; the caller saves.
/// </summary>
public sealed class LinkIssuer(LiaisonDbContext db, IRosterQueries roster, IMailQueue mail, IMailSettings mailSettings, IStringLocalizer<LinkIssuer> S)
{
    private sealed record Voter(AppraisalVoter Row, string Name, string? UserName);

    /// <summary>The e-mail addresses of the voters' accounts (members; persons of the masses have none on the roster).</summary>
    private async Task<Dictionary<string, string>> AddressesAsync(IEnumerable<string?> userNames)
    {
        var names = userNames.OfType<string>().ToList();
        var users = await db.Users.Where(u => u.UserName != null && names.Contains(u.UserName) && u.Email != null)
            .Select(u => new { u.UserName, u.Email }).ToListAsync();

        // Accounts made by the roster import without an address get "…@members.invalid": no mail goes there.
        return users.Where(u => !u.Email!.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(u => u.UserName!, u => u.Email!);
    }

    private async Task<List<Voter>> OpenVotersAsync(int campaignId)
    {
        var rows = await db.Set<AppraisalVoter>().Where(v => v.CampaignId == campaignId && !v.Used).ToListAsync();
        var memberIds = rows.Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).ToList();
        var personIds = rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).ToList();
        var members = await roster.Members().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.Number, m.UserName }).ToListAsync();
        var persons = await roster.Persons().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Number }).ToListAsync();
        return [.. rows.Select(r => r.MemberId is { } m
                ? members.Where(x => x.Id == m).Select(x => new Voter(r, $"{x.Name} ({x.Number})", x.UserName)).FirstOrDefault()
                : persons.Where(x => x.Id == r.PersonId).Select(x => new Voter(r, $"{x.Name} ({x.Number})", null)).FirstOrDefault())
            .OfType<Voter>().OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    /// <summary>How many voters who have not voted have an e-mail address, and how many have none.</summary>
    public async Task<(int WithMail, int WithoutMail)> CountAsync(int campaignId)
    {
        var voters = await OpenVotersAsync(campaignId);
        var addresses = await AddressesAsync(voters.Select(v => v.UserName));
        var with = voters.Count(v => v.UserName is { } u && addresses.ContainsKey(u));
        return (with, voters.Count - with);
    }

    /// <summary>New links for the voters who have not voted (only those without e-mail when asked), as slips to print.</summary>
    public async Task<List<VoteSlip>> SlipsAsync(AppraisalCampaign campaign, string origin, bool withoutMailOnly)
    {
        var voters = await OpenVotersAsync(campaign.Id);
        var addresses = await AddressesAsync(voters.Select(v => v.UserName));
        var slips = new List<VoteSlip>();
        foreach (var v in voters.Where(v => !withoutMailOnly || v.UserName is null || !addresses.ContainsKey(v.UserName)))
        {
            var url = origin.TrimEnd('/') + Issue(v.Row, VoterDelivery.Slip);
            slips.Add(new VoteSlip(v.Name, url, Qr(url)));
        }

        return slips;
    }

    /// <summary>Whether the site can send mail (a server and a sender are set); without it no link is replaced.</summary>
    public async Task<bool> CanMailAsync() => (await mailSettings.GetAsync()).IsConfigured;

    /// <summary>New links by e-mail (through the kernel's mail queue) to every voter who has not voted and has an address.</summary>
    public async Task<int> MailAsync(AppraisalCampaign campaign)
    {
        if (!await CanMailAsync())
        {
            return 0;
        }

        var voters = await OpenVotersAsync(campaign.Id);
        var addresses = await AddressesAsync(voters.Select(v => v.UserName));
        var sent = 0;
        foreach (var v in voters.Where(v => v.UserName is { } u && addresses.ContainsKey(u)))
        {
            var path = Issue(v.Row, VoterDelivery.Mail);
            await mail.EnqueueAsync(addresses[v.UserName!], S["Democratic appraisal: your ballot"],
                S["You are invited to vote in \"{0}\". Your ballot is secret. The link below can be used once, until {1}.", campaign.Title, campaign.ClosesUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)],
                path);
            sent++;
        }

        return sent;
    }

    private static string Issue(AppraisalVoter voter, VoterDelivery delivery)
    {
        var token = VoteTokens.New();
        voter.TokenHash = VoteTokens.Hash(token);
        voter.Delivery = delivery;
        return VoteTokens.Path(token);
    }

    public static string Qr(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}

using Liaison.Appraisals.Campaigns;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.MyWork;
using Liaison.Appraisals.Recipes;
using Liaison.Appraisals.Results;
using Liaison.Appraisals.Voting;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Appraisals;

/// <summary>
/// Democratic appraisal of members (民主评议党员, SPEC R7): campaigns per branch and year, self-assessments, secret
/// ballots through one-time links (mail or printed slips with a QR code), results after closing and their public
/// notice (Notices' contract), and the feedback talks the results call for (Talks' contract).
/// </summary>
public sealed class AppraisalsModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies =>
        [typeof(Liaison.Notices.NoticesModule), typeof(Liaison.Contacts.ContactsModule), typeof(Liaison.Talks.TalksModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<Liaison.Organization.Contracts.IRosterReferences, AppraisalRosterReferences>();
        services.AddScoped<CampaignService>();
        services.AddScoped<BallotService>();
        services.AddScoped<LinkIssuer>();
        services.AddScoped<ResultsService>();
        services.AddScoped<FeedbackTalkAssigner>();
        services.AddBackgroundJob<FeedbackTalkJob>();
        services.AddScoped<BallotOrder>();
        services.AddBackgroundJob<BallotOrderJob>();
        services.AddScoped<IRecipeStepHandler, AppraisalCampaignsStep>();
        services.AddScoped<Liaison.Contacts.Contracts.IMyWorkSection, AppraisalsMyWorkSection>();
        services.AddClientRateLimit<VoteController>(VoteController.RateLimit, new ClientRateLimit(
            "Liaison:Appraisals:VotesPerWindow", 120, "Liaison:Appraisals:VoteWindowMinutes", 10,
            S => S["Too many requests from your network. Please try again in a few minutes."],
            S => S["Democratic appraisal ballots"], 40));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        AppraisalCampaign.Configure(modelBuilder);
        AppraisedMember.Configure(modelBuilder);
        AppraisalVoter.Configure(modelBuilder);
        AppraisalBallot.Configure(modelBuilder);
    }
}

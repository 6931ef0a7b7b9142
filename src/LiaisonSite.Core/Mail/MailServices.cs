using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiaisonSite.Core.Mail;

internal static class MailServices
{
    /// <summary>Notifications (bell and mail), the mail queue, its SMTP transport and the job that sends it.</summary>
    public static IServiceCollection AddLiaisonNotifications(this IServiceCollection services)
    {
        services.AddScoped<IMailSettings, MailSettingsStore>();
        services.AddScoped<IMailQueue, MailQueue>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddBackgroundJob<MailDeliveryJob>();
        services.AddScoped<NotificationService>();
        services.AddScoped<INotifier>(sp => sp.GetRequiredService<NotificationService>());
        services.AddScoped<INotificationInbox>(sp => sp.GetRequiredService<NotificationService>());
        services.TryAddScoped<IBranchUsers, NoBranchUsers>();
        return services;
    }
}

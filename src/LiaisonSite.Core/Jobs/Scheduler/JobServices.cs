using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LiaisonSite.Core.Jobs.Scheduler;

/// <summary>
/// The binding of <see cref="IBackgroundJob"/> to Quartz.NET. PostgreSQL: Quartz's clustered ADO store in the site's
/// database, so every node runs the scheduler and each firing happens on one of them. SQLite (one machine): Quartz's
/// SQLite store in its own file, {AppData}/jobs.db, not clustered (Quartz refuses clustering on SQLite) and apart from
/// liaison.db so that the scheduler's polling transactions never hold the site's write lock. Quartz creates its tables
/// at start when they are missing (ProvisionSchema), after our migrations and before anything fires.
/// </summary>
internal static class JobServices
{
    public const string SchedulerName = "LiaisonSite";

    public static IServiceCollection AddLiaisonJobs(this IServiceCollection services, LiaisonOptions options, IConfiguration configuration)
    {
        var clustered = options.Provider == DatabaseProvider.Postgres;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                if (clustered)
                {
                    // Unique per process: two processes on one machine (or two test hosts in one) are two nodes.
                    var node = string.IsNullOrWhiteSpace(configuration["Liaison:NodeName"]) ? Environment.MachineName : configuration["Liaison:NodeName"]!;
                    o.InstanceId = $"{node}-{Guid.NewGuid():N}"[..Math.Min(node.Length + 13, 180)];
                }
            });

            // Jobs are short database chores; a few at a time is plenty on a small machine.
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                if (clustered)
                {
                    store.UsePostgres(options.ConnectionString!);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                }
                else
                {
                    store.UseSqlite($"Data Source={Path.Combine(options.AppData, "jobs.db")}");
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.UseExecutionHistory();
            });
        });
        services.Configure<ExecutionHistoryOptions>(o =>
        {
            o.Retention = TimeSpan.FromDays(7);
            o.RetentionByResult[JobRunResult.Failed] = TimeSpan.FromDays(30);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddTransient<BackgroundJobRunner>();
        services.AddHostedService<JobRegistrar>();
        services.AddSingleton<QuartzJobs>();
        services.AddSingleton<IJobScheduler>(sp => sp.GetRequiredService<QuartzJobs>());
        services.AddSingleton<IJobMonitor>(sp => sp.GetRequiredService<QuartzJobs>());
        return services;
    }
}

using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Core.Notifications;

/// <summary>The demo site sending mail to a local SMTP server (started by the test) on <paramref name="port"/>.</summary>
public class MailSiteFactory(int port) : SiteFactory("liaison-demo")
{
    public int SmtpPort => port;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Mail:Host"] = "127.0.0.1",
        ["Liaison:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Liaison:Mail:UseTls"] = "false",
        ["Liaison:Mail:From"] = "测试学校党委 <dangwei@example.edu.cn>",
        ["Liaison:Mail:RetrySeconds"] = "1",
    };
}

/// <summary>A running SMTP server and a site that sends to it.</summary>
public sealed class MailSite : IAsyncLifetime
{
    public LocalSmtpServer? Smtp { get; private set; }

    public MailSiteFactory Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = LocalSmtpServer.FreePort();
        Site = new MailSiteFactory(port);
        if (LocalSmtpServerAvailable())
        {
            Smtp = await LocalSmtpServer.StartAsync(port);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }

    private static bool LocalSmtpServerAvailable()
    {
        try
        {
            LocalSmtpServer.SkipWhenUnavailable();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}

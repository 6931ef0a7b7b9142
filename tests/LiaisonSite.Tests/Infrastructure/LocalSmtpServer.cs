using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on this machine: Debian's python3-aiosmtpd with its Mailbox handler, which writes every message
/// it accepts into a Maildir folder that the test reads (scripts/test.sh installs the package).
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true });
        check!.WaitForExit(10_000);
        return check.ExitCode == 0;
    });

    private readonly Process _process;

    private LocalSmtpServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static void SkipWhenUnavailable()
        => Assert.SkipUnless(s_available.Value, "python3-aiosmtpd is not installed (scripts/test.sh installs it).");

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<LocalSmtpServer> StartAsync(int? port = null)
    {
        var chosen = port ?? FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var maildir = Path.Combine(folder, "maildir");
        var process = Process.Start(new ProcessStartInfo(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosen}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var server = new LocalSmtpServer(process, chosen, maildir);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, chosen);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Every message the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var inbox = Path.Combine(Folder, "new");
        return Directory.Exists(inbox) ? [.. Directory.EnumerateFiles(inbox).Select(f => MimeMessage.Load(f))] : [];
    }

    /// <summary>Waits for a message that fits; fails after <paramref name="seconds"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> fits, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Messages().FirstOrDefault(fits) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No such message arrived in {seconds} s ({Messages().Count} arrived).");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the temp folder.
        }
    }
}

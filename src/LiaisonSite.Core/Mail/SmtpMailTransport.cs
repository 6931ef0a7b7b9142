using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LiaisonSite.Core.Mail;

/// <summary>Hands one message to the SMTP server.</summary>
public interface IMailTransport
{
    /// <exception cref="MailDeliveryException">The server could not be reached or refused the message.</exception>
    Task SendAsync(MailOptions options, string to, string subject, string body, CancellationToken cancellationToken = default);
}

public sealed class MailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

public static class MailAddresses
{
    /// <summary>An address with a name and domain ("党委 &lt;dangwei@example.edu.cn&gt;" or "dangwei@example.edu.cn"); MimeKit alone takes "nobody".</summary>
    public static bool TryParse(string? text, out MailboxAddress address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1 || !parsed.Address[(at + 1)..].Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        address = parsed;
        return true;
    }
}

/// <summary>MailKit's SmtpClient: TLS on connect for port 465, else STARTTLS when UseTls; authenticates when a user name is set.</summary>
internal sealed class SmtpMailTransport : IMailTransport
{
    public async Task SendAsync(MailOptions options, string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!options.IsConfigured)
        {
            throw new MailDeliveryException("No mail server is configured.");
        }

        if (!MailAddresses.TryParse(options.From, out var from) || !MailAddresses.TryParse(to, out var recipient))
        {
            throw new MailDeliveryException($"'{(MailAddresses.TryParse(options.From, out _) ? to : options.From)}' is not an e-mail address.");
        }

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(recipient);
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = !options.UseTls ? SecureSocketOptions.None
                : options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException or TimeoutException)
        {
            throw new MailDeliveryException($"{options.Host}:{options.Port}: {e.Message}", e);
        }
    }
}

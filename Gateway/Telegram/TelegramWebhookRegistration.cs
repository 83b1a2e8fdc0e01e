using Microsoft.Extensions.Options;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// <c>TELEGRAM_MODE=webhook</c>: registers the webhook and the command menu once the gateway runs. In the background
/// and retried with backoff, so a Telegram hiccup at start does not keep the gateway (and its API) down.
/// </summary>
internal sealed partial class TelegramWebhookRegistration(
    IOptions<TelegramOptions> options,
    TelegramBotSetup setup,
    TimeProvider clock,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EffectiveMode != TelegramMode.Webhook)
        {
            return;
        }

        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await setup.SetWebhookAsync(stoppingToken);
                await setup.SetCommandsAsync(stoppingToken);
                Log.Registered(logger, new Uri(options.Value.WebhookUrl!).GetLeftPart(UriPartial.Path));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.RegistrationFailed(logger, backoff.TotalSeconds, exception);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Telegram webhook set to {Url}")]
        public static partial void Registered(ILogger logger, string url);

        [LoggerMessage(2, LogLevel.Warning, "Could not set the Telegram webhook; retrying in {Seconds} s")]
        public static partial void RegistrationFailed(ILogger logger, double seconds, Exception exception);
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using VibeCoder.Grains.Sessions;
using Orleans;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// <c>TELEGRAM_MODE=polling</c>: long-polls getUpdates and feeds every update to the same intake as the webhook. The
/// offset is stored in an <see cref="IUpdateOffsetGrain"/> only after the updates are stored, and is what the next
/// getUpdates confirms to Telegram; so a restart neither loses updates (they are fetched again) nor handles any twice
/// (a re-fetched update is a repeat the session drops).
/// </summary>
internal sealed partial class TelegramPollingService(
    IOptions<TelegramOptions> options,
    ITelegramBotClient bot,
    TelegramUpdateIntake intake,
    IGrainFactory grains,
    TelegramBotSetup setup,
    TimeProvider clock,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.EffectiveMode != TelegramMode.Polling)
        {
            return;
        }

        // Key by the bot's id (the token's digits), so another bot never inherits this one's offset.
        var botId = settings.BotToken![..settings.BotToken!.IndexOf(':', StringComparison.Ordinal)];
        var offsets = grains.GetGrain<IUpdateOffsetGrain>(botId);
        var backoff = FirstBackoff;
        var prepared = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!prepared)
                {
                    // getUpdates is refused (409) while a webhook is set.
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                    await setup.SetCommandsAsync(stoppingToken);
                    prepared = true;
                    Log.Polling(logger);
                }

                var offset = await offsets.GetOffset();
                var updates = await bot.GetUpdates(
                    (int?)offset, limit: 100, timeout: (int)settings.PollTimeout.TotalSeconds, TelegramAllowedUpdates.Kinds, stoppingToken);
                if (updates.Length == 0)
                {
                    backoff = FirstBackoff;
                    continue;
                }

                // In order: a chat's updates must enter its stream in Telegram's order.
                foreach (var update in updates)
                {
                    await intake.AcceptAsync(update, stoppingToken);
                }

                await offsets.SetOffset(updates.Max(u => u.Id) + 1);
                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.PollFailed(logger, backoff.TotalSeconds, exception);
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
        [LoggerMessage(1, LogLevel.Information, "Telegram polling started")]
        public static partial void Polling(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Telegram polling failed; retrying in {Seconds} s")]
        public static partial void PollFailed(ILogger logger, double seconds, Exception exception);
    }
}

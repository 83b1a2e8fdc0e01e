using Microsoft.Extensions.Options;
using Telegram.Bot;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// What the bot tells Telegram at start: the command menu (English by default, Russian for Russian clients) and, in
/// webhook mode, where to post updates, with the secret and the update kinds wanted. Polling mode deletes any webhook first
/// (<see cref="TelegramPollingService"/>).
/// </summary>
internal sealed class TelegramBotSetup(ITelegramBotClient bot, IOptions<TelegramOptions> options)
{
    /// <summary>setMyCommands for the default and the Russian menu.</summary>
    public async Task SetCommandsAsync(CancellationToken cancellationToken)
    {
        await bot.SetMyCommands(TelegramAllowedUpdates.Commands("en"), cancellationToken: cancellationToken);
        await bot.SetMyCommands(TelegramAllowedUpdates.Commands("ru"), languageCode: "ru", cancellationToken: cancellationToken);
    }

    /// <summary>setWebhook with <c>TELEGRAM_WEBHOOK_URL</c>, the secret and the allowed updates.</summary>
    public Task SetWebhookAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramAllowedUpdates.Kinds, secretToken: settings.WebhookSecret, cancellationToken: cancellationToken);
    }
}

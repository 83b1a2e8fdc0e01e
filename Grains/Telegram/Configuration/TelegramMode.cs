namespace VibeCoder.Grains.Telegram.Configuration;

/// <summary>How the service receives updates from Telegram (<c>TELEGRAM_MODE</c>).</summary>
public enum TelegramMode
{
    /// <summary>Telegram is not used: no updates are received and nothing is sent.</summary>
    Off,

    /// <summary>Long polling with getUpdates; needs only a token.</summary>
    Polling,

    /// <summary>Telegram posts updates to <c>TELEGRAM_WEBHOOK_URL</c>.</summary>
    Webhook,
}

namespace VibeCoder.Grains.Telegram.Configuration;

/// <summary>Settings of the bot's Bot API client (Telegram.Bot plus our pacing and retries), bound from environment-style keys.</summary>
/// <remarks>
/// Defaults follow Telegram's published limits: about one message per second per chat (short bursts allowed),
/// 20 per minute per group, 30 per second overall. Every setting is validated at start; an invalid one stops
/// start-up with one line naming its configuration key. The token is never logged nor put in an error message.
/// </remarks>
public sealed class TelegramOptions
{
    /// <summary>Key of <see cref="BotToken"/>.</summary>
    public const string BotTokenKey = "TELEGRAM_BOT_TOKEN";

    /// <summary>Key of <see cref="ApiBaseUrl"/>.</summary>
    public const string ApiBaseUrlKey = "TELEGRAM_API_BASE_URL";

    /// <summary>Key of <see cref="Mode"/>.</summary>
    public const string ModeKey = "TELEGRAM_MODE";

    /// <summary>Key of <see cref="WebhookUrl"/>.</summary>
    public const string WebhookUrlKey = "TELEGRAM_WEBHOOK_URL";

    /// <summary>Key of <see cref="WebhookSecret"/>.</summary>
    public const string WebhookSecretKey = "TELEGRAM_WEBHOOK_SECRET";

    /// <summary>Telegram's public Bot API server.</summary>
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot's token, <c>&lt;digits&gt;:&lt;characters&gt;</c> (<c>TELEGRAM_BOT_TOKEN</c>). Default: none.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// Base URL of the Bot API server (<c>TELEGRAM_API_BASE_URL</c>), scheme, host and port only: Telegram.Bot drops any
    /// path. Default: <see cref="DefaultApiBaseUrl"/>.
    /// </summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// The configured mode (<c>TELEGRAM_MODE</c>: webhook, polling or off); null means automatic, see <see cref="EffectiveMode"/>.
    /// </summary>
    public TelegramMode? Mode { get; set; }

    /// <summary>Public HTTPS URL Telegram posts updates to (<c>TELEGRAM_WEBHOOK_URL</c>). Default: none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> (<c>TELEGRAM_WEBHOOK_SECRET</c>):
    /// 1–256 characters of A–Z, a–z, 0–9, _ and -. Default: none.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// The mode in force: <see cref="Mode"/> when set; else webhook when a webhook URL is set, polling when only a
    /// token is set, off without a token.
    /// </summary>
    public TelegramMode EffectiveMode => Mode ?? (
        !string.IsNullOrEmpty(WebhookUrl) ? TelegramMode.Webhook
        : !string.IsNullOrEmpty(BotToken) ? TelegramMode.Polling
        : TelegramMode.Off);

    /// <summary>Deadline of one HTTP call, added to the long-poll timeout for getUpdates (<c>TELEGRAM_REQUEST_TIMEOUT_SECONDS</c>). Default: 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Long-poll timeout a polling loop passes to getUpdates (<c>TELEGRAM_POLL_TIMEOUT_SECONDS</c>). Default: 30 s.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per call, the first included, for 5xx, network errors and timeouts (<c>TELEGRAM_MAX_ATTEMPTS</c>). Default: 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff after a 5xx or network error; doubles per attempt (<c>TELEGRAM_RETRY_BASE_DELAY_MS</c>). Default: 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff after a 5xx or network error (<c>TELEGRAM_RETRY_MAX_DELAY_MS</c>). Default: 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Multiplies Telegram's retry_after when computing when to try again after a 429 (<c>TELEGRAM_RETRY_AFTER_SCALE</c>).
    /// Default: 1, retry_after honoured fully; tests set it small so a scripted retry_after of seconds costs milliseconds.
    /// </summary>
    public double RetryAfterScale { get; set; } = 1.0;

    /// <summary>Steady messages per second to one private chat (<c>TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND</c>). Default: 1.</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1.0;

    /// <summary>Messages one chat may receive at once before pacing starts (<c>TELEGRAM_PER_CHAT_BURST</c>). Default: 3.</summary>
    public int PerChatBurst { get; set; } = 3;

    /// <summary>Steady messages per minute to one group (negative chat id) (<c>TELEGRAM_GROUP_MESSAGES_PER_MINUTE</c>). Default: 20.</summary>
    public double GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Steady messages per second over all chats (<c>TELEGRAM_GLOBAL_MESSAGES_PER_SECOND</c>). Default: 30.</summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Messages over all chats sent at once before pacing starts (<c>TELEGRAM_GLOBAL_BURST</c>). Default: 30.</summary>
    public int GlobalBurst { get; set; } = 30;

    /// <summary>
    /// Messages that may wait for pacing at once, per chat and overall, before a send is refused with a "retry later"
    /// (<c>TELEGRAM_PACING_QUEUE_LIMIT</c>). Default: 100.
    /// </summary>
    public int PacingQueueLimit { get; set; } = 100;

    /// <summary>Values in configuration that could not be parsed; reported by validation with their keys.</summary>
    internal List<string> BindingErrors { get; } = [];
}

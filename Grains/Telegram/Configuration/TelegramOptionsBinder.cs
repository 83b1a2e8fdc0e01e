using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace VibeCoder.Grains.Telegram.Configuration;

/// <summary>
/// Reads <see cref="TelegramOptions"/> from flat, environment-style keys. Unparseable values are collected in
/// <see cref="TelegramOptions.BindingErrors"/> so validation reports them together with their keys.
/// </summary>
internal static class TelegramOptionsBinder
{
    public static void Bind(IConfiguration configuration, TelegramOptions options)
    {
        options.BotToken = NonEmpty(configuration[TelegramOptions.BotTokenKey]) ?? options.BotToken;
        options.ApiBaseUrl = NonEmpty(configuration[TelegramOptions.ApiBaseUrlKey]) ?? options.ApiBaseUrl;
        options.WebhookUrl = NonEmpty(configuration[TelegramOptions.WebhookUrlKey]) ?? options.WebhookUrl;
        options.WebhookSecret = NonEmpty(configuration[TelegramOptions.WebhookSecretKey]) ?? options.WebhookSecret;
        BindMode(configuration, options);

        options.RequestTimeout = Seconds(configuration, "TELEGRAM_REQUEST_TIMEOUT_SECONDS", options, options.RequestTimeout);
        options.PollTimeout = Seconds(configuration, "TELEGRAM_POLL_TIMEOUT_SECONDS", options, options.PollTimeout);
        options.MaxAttempts = (int)Number(configuration, "TELEGRAM_MAX_ATTEMPTS", options, options.MaxAttempts);
        options.RetryBaseDelay = Milliseconds(configuration, "TELEGRAM_RETRY_BASE_DELAY_MS", options, options.RetryBaseDelay);
        options.RetryMaxDelay = Milliseconds(configuration, "TELEGRAM_RETRY_MAX_DELAY_MS", options, options.RetryMaxDelay);
        options.RetryAfterScale = Number(configuration, "TELEGRAM_RETRY_AFTER_SCALE", options, options.RetryAfterScale);
        options.PerChatMessagesPerSecond = Number(configuration, "TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND", options, options.PerChatMessagesPerSecond);
        options.PerChatBurst = (int)Number(configuration, "TELEGRAM_PER_CHAT_BURST", options, options.PerChatBurst);
        options.GroupMessagesPerMinute = Number(configuration, "TELEGRAM_GROUP_MESSAGES_PER_MINUTE", options, options.GroupMessagesPerMinute);
        options.GlobalMessagesPerSecond = Number(configuration, "TELEGRAM_GLOBAL_MESSAGES_PER_SECOND", options, options.GlobalMessagesPerSecond);
        options.GlobalBurst = (int)Number(configuration, "TELEGRAM_GLOBAL_BURST", options, options.GlobalBurst);
        options.PacingQueueLimit = (int)Number(configuration, "TELEGRAM_PACING_QUEUE_LIMIT", options, options.PacingQueueLimit);
    }

    private static void BindMode(IConfiguration configuration, TelegramOptions options)
    {
        var mode = NonEmpty(configuration[TelegramOptions.ModeKey]);
        if (mode is null)
        {
            return;
        }

        options.Mode = mode.Trim().ToLowerInvariant() switch
        {
            "webhook" => TelegramMode.Webhook,
            "polling" => TelegramMode.Polling,
            "off" => TelegramMode.Off,
            _ => Invalid(options, $"{TelegramOptions.ModeKey} must be one of webhook, polling, off (got '{mode}')."),
        };
    }

    private static TelegramMode? Invalid(TelegramOptions options, string error)
    {
        options.BindingErrors.Add(error);
        return null;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, TelegramOptions options, TimeSpan fallback) =>
        TimeSpan.FromSeconds(Number(configuration, key, options, fallback.TotalSeconds));

    private static TimeSpan Milliseconds(IConfiguration configuration, string key, TelegramOptions options, TimeSpan fallback) =>
        TimeSpan.FromMilliseconds(Number(configuration, key, options, fallback.TotalMilliseconds));

    private static double Number(IConfiguration configuration, string key, TelegramOptions options, double fallback)
    {
        var raw = NonEmpty(configuration[key]);
        if (raw is null)
        {
            return fallback;
        }

        // Ranges are checked by the validator; here only "is it a finite number at all".
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && Math.Abs(value) < int.MaxValue)
        {
            return value;
        }

        options.BindingErrors.Add($"{key} must be a number (got '{raw}').");
        return fallback;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

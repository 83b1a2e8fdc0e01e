using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Telegram.Configuration;

/// <summary>
/// Checks <see cref="TelegramOptions"/> at start. Every failure is one sentence that names the configuration key;
/// none quotes the token.
/// </summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        ValidateToken(options, failures);
        ValidateBaseUrl(options, failures);
        ValidateWebhook(options, failures);
        ValidateRetries(options, failures);
        ValidatePacing(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateToken(TelegramOptions options, List<string> failures)
    {
        if (string.IsNullOrEmpty(options.BotToken))
        {
            if (options.EffectiveMode != TelegramMode.Off)
            {
                failures.Add($"{TelegramOptions.BotTokenKey} is required when {TelegramOptions.ModeKey} is {Name(options.EffectiveMode)}.");
            }

            return;
        }

        if (!TokenFormat().IsMatch(options.BotToken))
        {
            failures.Add($"{TelegramOptions.BotTokenKey} is malformed: expected '<digits>:<letters, digits, _ or ->' as issued by @BotFather.");
        }
    }

    private static void ValidateBaseUrl(TelegramOptions options, List<string> failures)
    {
        // Telegram.Bot builds {scheme://host:port}/bot{token}/{method} and silently drops a path: refuse one rather than call elsewhere.
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query)
            || uri.AbsolutePath != "/")
        {
            failures.Add($"{TelegramOptions.ApiBaseUrlKey} must be an absolute http or https URL without a path or query (got '{options.ApiBaseUrl}').");
        }
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> failures)
    {
        if (options.EffectiveMode == TelegramMode.Webhook && string.IsNullOrEmpty(options.WebhookUrl))
        {
            failures.Add($"{TelegramOptions.WebhookUrlKey} is required when {TelegramOptions.ModeKey} is webhook.");
        }

        // Telegram only delivers to HTTPS, so an http URL would fail later at setWebhook with a vaguer message.
        if (!string.IsNullOrEmpty(options.WebhookUrl)
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme != "https"))
        {
            failures.Add($"{TelegramOptions.WebhookUrlKey} must be an absolute https URL (got '{options.WebhookUrl}').");
        }

        if (options.WebhookSecret is not null && !SecretFormat().IsMatch(options.WebhookSecret))
        {
            failures.Add($"{TelegramOptions.WebhookSecretKey} must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }
    }

    private static void ValidateRetries(TelegramOptions options, List<string> failures)
    {
        Require(options.RequestTimeout > TimeSpan.Zero, "TELEGRAM_REQUEST_TIMEOUT_SECONDS must be greater than 0.", failures);
        Require(options.PollTimeout >= TimeSpan.Zero && options.PollTimeout <= TimeSpan.FromMinutes(10),
            "TELEGRAM_POLL_TIMEOUT_SECONDS must be between 0 and 600.", failures);
        Require(options.MaxAttempts is >= 1 and <= 20, "TELEGRAM_MAX_ATTEMPTS must be between 1 and 20.", failures);
        Require(options.RetryBaseDelay >= TimeSpan.Zero, "TELEGRAM_RETRY_BASE_DELAY_MS must not be negative.", failures);
        Require(options.RetryMaxDelay >= options.RetryBaseDelay,
            "TELEGRAM_RETRY_MAX_DELAY_MS must not be less than TELEGRAM_RETRY_BASE_DELAY_MS.", failures);
        Require(options.RetryAfterScale is >= 0 and <= 10, "TELEGRAM_RETRY_AFTER_SCALE must be between 0 and 10.", failures);
    }

    private static void ValidatePacing(TelegramOptions options, List<string> failures)
    {
        Require(options.PerChatMessagesPerSecond > 0, "TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND must be greater than 0.", failures);
        Require(options.PerChatBurst >= 1, "TELEGRAM_PER_CHAT_BURST must be at least 1.", failures);
        Require(options.GroupMessagesPerMinute > 0, "TELEGRAM_GROUP_MESSAGES_PER_MINUTE must be greater than 0.", failures);
        Require(options.GlobalMessagesPerSecond > 0, "TELEGRAM_GLOBAL_MESSAGES_PER_SECOND must be greater than 0.", failures);
        Require(options.GlobalBurst >= 1, "TELEGRAM_GLOBAL_BURST must be at least 1.", failures);
        Require(options.PacingQueueLimit >= 1, "TELEGRAM_PACING_QUEUE_LIMIT must be at least 1.", failures);
    }

    private static void Require(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }

    private static string Name(TelegramMode mode) => mode.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenFormat();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretFormat();
}

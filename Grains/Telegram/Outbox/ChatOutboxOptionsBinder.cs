using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>Reads <see cref="ChatOutboxOptions"/> from flat, environment-style keys; unparseable values become binding errors.</summary>
internal static class ChatOutboxOptionsBinder
{
    public static void Bind(IConfiguration configuration, ChatOutboxOptions options)
    {
        options.Limit = (int)Number(configuration, "TELEGRAM_OUTBOX_LIMIT", options, options.Limit);
        options.MaxAge = TimeSpan.FromHours(Number(configuration, "TELEGRAM_OUTBOX_MAX_AGE_HOURS", options, options.MaxAge.TotalHours));
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(
            Number(configuration, "TELEGRAM_OUTBOX_RETRY_BASE_DELAY_MS", options, options.RetryBaseDelay.TotalMilliseconds));
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(
            Number(configuration, "TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS", options, options.RetryMaxDelay.TotalMilliseconds));
        options.ReminderPeriod = TimeSpan.FromSeconds(Number(configuration, "TELEGRAM_OUTBOX_REMINDER_SECONDS", options, options.ReminderPeriod.TotalSeconds));
    }

    private static double Number(IConfiguration configuration, string key, ChatOutboxOptions options, double fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        // Ranges are the validator's; here only "is it a finite number at all".
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) < int.MaxValue)
        {
            return value;
        }

        options.BindingErrors.Add($"{key} must be a number (got '{raw}').");
        return fallback;
    }
}

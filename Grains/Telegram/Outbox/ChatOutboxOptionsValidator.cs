using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>Checks <see cref="ChatOutboxOptions"/> at start; each failure is one sentence naming its setting.</summary>
internal sealed class ChatOutboxOptionsValidator : IValidateOptions<ChatOutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOutboxOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.Limit is < 1 or > 10_000)
        {
            failures.Add("TELEGRAM_OUTBOX_LIMIT must be between 1 and 10000.");
        }

        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add("TELEGRAM_OUTBOX_MAX_AGE_HOURS must be greater than 0.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("TELEGRAM_OUTBOX_RETRY_BASE_DELAY_MS must be greater than 0 and TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS at least as large.");
        }

        if (options.ReminderPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add("TELEGRAM_OUTBOX_REMINDER_SECONDS must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

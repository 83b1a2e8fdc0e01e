namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>Settings of the chats' outboxes (<see cref="ChatOutboxGrain"/>), bound from <c>TELEGRAM_OUTBOX_*</c> and validated at start.</summary>
/// <remarks>
/// Defaults: 100 messages per chat (<c>TELEGRAM_OUTBOX_LIMIT</c>), kept 24 hours (<c>TELEGRAM_OUTBOX_MAX_AGE_HOURS</c>),
/// retried after 2 s doubling up to 60 s (<c>TELEGRAM_OUTBOX_RETRY_BASE_DELAY_MS</c>, <c>TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS</c>),
/// with a durable reminder every 60 s (<c>TELEGRAM_OUTBOX_REMINDER_SECONDS</c>) that resumes sending after a restart.
/// </remarks>
public sealed class ChatOutboxOptions
{
    /// <summary>Messages one chat's outbox holds; beyond it the oldest is dropped. Default 100.</summary>
    public int Limit { get; set; } = 100;

    /// <summary>How long a message waits at most; older ones are dropped unsent. Default 24 h.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wait before the first attempt after a failure; doubled per failure, half of it random. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts. Default 60 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Period of the durable reminder that brings a non-empty outbox back after a restart. Default 60 s.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The wait after <paramref name="failures"/> failed attempts in a row: exponential, capped, with "equal jitter" (half
    /// fixed, half random), so chats and deliveries that failed together do not all come back in one instant.
    /// </summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponential = RetryBaseDelay * Math.Pow(2, Math.Clamp(failures, 1, 30) - 1);
        var capped = exponential < RetryMaxDelay ? exponential : RetryMaxDelay;
        return (capped / 2) + (capped / 2 * Random.Shared.NextDouble());
    }

    /// <summary>Values in configuration that could not be parsed; reported by validation with their keys.</summary>
    internal List<string> BindingErrors { get; } = [];
}

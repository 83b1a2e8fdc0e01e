using Microsoft.Extensions.Options;

namespace VibeCoder.Runtime.Streams;

/// <summary>Rejects stream settings the delivery engine cannot work with, naming the provider and the setting.</summary>
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = $"Stream provider '{name}': {StreamOptions.SectionName}:{name}:";
        if (options.MaxDeliveryAttempts < 1)
        {
            failures.Add($"{prefix}{nameof(options.MaxDeliveryAttempts)} must be at least 1 (was {options.MaxDeliveryAttempts}).");
        }

        CheckPositive(options.RetryInitialDelay, nameof(options.RetryInitialDelay));
        CheckPositive(options.RetryMaxDelay, nameof(options.RetryMaxDelay));
        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            failures.Add($"{prefix}{nameof(options.RetryMaxDelay)} ({options.RetryMaxDelay}) must not be less than {nameof(options.RetryInitialDelay)} ({options.RetryInitialDelay}).");
        }

        CheckPositive(options.CheckpointInterval, nameof(options.CheckpointInterval));
        CheckPositive(options.SafetyPollInterval, nameof(options.SafetyPollInterval));
        CheckPositive(options.RetentionInterval, nameof(options.RetentionInterval));
        if (options.RetentionAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(options.RetentionAge)} must be positive or unset (was {age}).");
        }

        CheckRange(options.RetentionCount ?? 1, nameof(options.RetentionCount), 1, int.MaxValue);
        CheckRange(options.DeliveryBatchSize, nameof(options.DeliveryBatchSize), 1, 10_000);
        CheckRange(options.PublishBatchSize, nameof(options.PublishBatchSize), 1, 10_000);
        CheckRange(options.PublishWriters, nameof(options.PublishWriters), 1, 64);
        CheckRange(options.MaxCachedItemsPerStream, nameof(options.MaxCachedItemsPerStream), 0, 1_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void CheckPositive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{prefix}{setting} must be positive (was {value}).");
            }
        }

        void CheckRange(int value, string setting, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add($"{prefix}{setting} must be between {min} and {max} (was {value}).");
            }
        }
    }
}

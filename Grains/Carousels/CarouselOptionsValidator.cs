using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Carousels;

/// <summary>Rejects pipeline settings that cannot work, naming the setting.</summary>
internal sealed class CarouselOptionsValidator : IValidateOptions<CarouselOptions>
{
    // A job waiting longer than this for the AI service is better failed and refunded: the user has moved on.
    private static readonly TimeSpan MaxJobDeadline = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, CarouselOptions options)
    {
        var failures = new List<string>();
        if (options.QuotaPerHour < 1)
        {
            failures.Add($"QUOTA_PER_HOUR must be at least 1 (was {options.QuotaPerHour}).");
        }

        if (options.RenderConcurrency is < 1 or > 1024)
        {
            failures.Add($"RENDER_CONCURRENCY must be 1–1024 (was {options.RenderConcurrency}).");
        }

        if (options.MaxJobsInFlight is < 0 or > 100_000)
        {
            failures.Add($"MAX_JOBS_IN_FLIGHT must be 1–100000 (was {options.MaxJobsInFlight}).");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{CarouselOptions.SectionName}:MaxAttempts must be 1–10 (was {options.MaxAttempts}).");
        }

        if (options.HistorySize is < 1 or > 1000)
        {
            failures.Add($"{CarouselOptions.SectionName}:HistorySize must be 1–1000 (was {options.HistorySize}).");
        }

        foreach (var (setting, value) in new[]
        {
            ("RetryBaseDelay", options.RetryBaseDelay), ("WatchdogPeriod", options.WatchdogPeriod),
            ("AnalyseTimeout", options.AnalyseTimeout), ("WriteTimeout", options.WriteTimeout),
            ("RenderTimeout", options.RenderTimeout), ("DeliverTimeout", options.DeliverTimeout),
            ("RecordTimeout", options.RecordTimeout), ("JobDeadline", options.JobDeadline),
            ("OutageRetryMaxDelay", options.OutageRetryMaxDelay), ("DeliveryWaitLimit", options.DeliveryWaitLimit),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{CarouselOptions.SectionName}:{setting} must be positive (was {value}).");
            }
        }

        if (options.JobDeadline > MaxJobDeadline)
        {
            failures.Add($"{CarouselOptions.SectionName}:JobDeadline must be at most {MaxJobDeadline} (was {options.JobDeadline}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Carousels;

/// <summary>Rejects pipeline settings that cannot work, naming the setting.</summary>
internal sealed class CarouselOptionsValidator : IValidateOptions<CarouselOptions>
{
    public ValidateOptionsResult Validate(string? name, CarouselOptions options)
    {
        var failures = new List<string>();
        if (options.QuotaPerHour < 1)
        {
            failures.Add($"QUOTA_PER_HOUR must be at least 1 (was {options.QuotaPerHour}).");
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
            ("RecordTimeout", options.RecordTimeout), ("DeliveryWaitLimit", options.DeliveryWaitLimit),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{CarouselOptions.SectionName}:{setting} must be positive (was {value}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

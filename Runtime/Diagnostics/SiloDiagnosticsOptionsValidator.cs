using Microsoft.Extensions.Options;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Rejects diagnostics settings that cannot work, naming the setting.</summary>
internal sealed class SiloDiagnosticsOptionsValidator : IValidateOptions<SiloDiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloDiagnosticsOptions options)
    {
        var failures = new List<string>();
        if (options.ProfilingIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SiloDiagnosticsOptions.SectionName}:{nameof(options.ProfilingIdleTimeout)} must be positive (was {options.ProfilingIdleTimeout}).");
        }

        if (options.HistorySeconds is < 60 or > 3600)
        {
            failures.Add($"{SiloDiagnosticsOptions.SectionName}:{nameof(options.HistorySeconds)} must be between 60 and 3600 (was {options.HistorySeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

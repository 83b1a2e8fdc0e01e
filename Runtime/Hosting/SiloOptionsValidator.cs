using Microsoft.Extensions.Options;

namespace VibeCoder.Runtime.Hosting;

/// <summary>Rejects settings the runtime cannot work with, naming the setting.</summary>
internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        CheckPositive(options.CallTimeout, nameof(options.CallTimeout), failures);
        CheckPositive(options.ActivationTimeout, nameof(options.ActivationTimeout), failures);
        CheckPositive(options.DeactivationTimeout, nameof(options.DeactivationTimeout), failures);
        CheckPositive(options.CollectionAge, nameof(options.CollectionAge), failures);
        CheckPositive(options.CollectionQuantum, nameof(options.CollectionQuantum), failures);
        if (string.IsNullOrWhiteSpace(options.SiloName))
        {
            failures.Add($"{SiloOptions.SectionName}:{nameof(options.SiloName)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SiloOptions.SectionName}:{setting} must be positive (was {value}).");
        }
    }
}

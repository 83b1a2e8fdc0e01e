using Microsoft.Extensions.Options;

namespace VibeCoder.Gateway.Edge;

/// <summary>Rejects public API settings that cannot work, naming the setting and never quoting a key.</summary>
internal sealed class PublicApiOptionsValidator : IValidateOptions<PublicApiOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicApiOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.PermitsPerMinute < 0)
        {
            failures.Add($"{PublicApiOptions.RateLimitKey} must be 0 (no limit) or more (was {options.PermitsPerMinute}).");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (key.Length < PublicApiOptions.MinimumKeyLength || key.Any(char.IsWhiteSpace))
            {
                failures.Add($"{PublicApiOptions.ApiKeysKey}: key {i + 1} must have at least {PublicApiOptions.MinimumKeyLength} characters and no " +
                    "whitespace (e.g. `openssl rand -hex 32`).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace VibeCoder.Content;

/// <summary>Checks <see cref="ContentOptions"/> at start-up; each failure is one line naming the setting.</summary>
/// <remarks>Never echoes the API key or the base URL (a URL may carry credentials).</remarks>
internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    private static readonly TimeSpan MinimumPollyDuration = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var failures = new List<string>();
        ValidateOpenAi(options, failures);
        ValidateResilience(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOpenAi(ContentOptions options, List<string> failures)
    {
        if (options.ApiKey is { Length: > 0 } key && key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add($"{ContentOptions.ApiKeyVariable} must not contain spaces, line breaks or control characters.");
        }

        if (options.BaseUrl is not null)
        {
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host))
            {
                failures.Add($"{ContentOptions.BaseUrlVariable} must be an absolute http:// or https:// URL, for example https://api.openai.com/v1.");
            }
            else if (uri.UserInfo.Length > 0)
            {
                failures.Add($"{ContentOptions.BaseUrlVariable} must not contain credentials; put the key in {ContentOptions.ApiKeyVariable}.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{ContentOptions.ModelVariable} must name a model, for example {ContentOptions.DefaultModel}, or be left unset.");
        }
        else if (options.Model.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add($"{ContentOptions.ModelVariable} must not contain spaces or control characters.");
        }
    }

    private static void ValidateResilience(ContentOptions options, List<string> failures)
    {
        const string section = ContentOptions.SectionName;
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(50) || options.AttemptTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:{nameof(ContentOptions.AttemptTimeout)} must be between 50 ms and 10 minutes.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{section}:{nameof(ContentOptions.MaxRetryAttempts)} must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:{nameof(ContentOptions.RetryBaseDelay)} must be between 0 and 1 minute.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay || options.RetryMaxDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:{nameof(ContentOptions.RetryMaxDelay)} must be at least {nameof(ContentOptions.RetryBaseDelay)} and at most 5 minutes.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:{nameof(ContentOptions.MaxRetryAfter)} must be between 0 and 5 minutes.");
        }

        if (double.IsNaN(options.CircuitBreakerFailureRatio) || options.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"{section}:{nameof(ContentOptions.CircuitBreakerFailureRatio)} must be greater than 0 and at most 1.");
        }

        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add($"{section}:{nameof(ContentOptions.CircuitBreakerMinimumThroughput)} must be at least 2.");
        }

        if (options.CircuitBreakerSamplingDuration < MinimumPollyDuration || options.CircuitBreakerSamplingDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:{nameof(ContentOptions.CircuitBreakerSamplingDuration)} must be between 0.5 s and 1 day.");
        }

        if (options.CircuitBreakerBreakDuration < MinimumPollyDuration || options.CircuitBreakerBreakDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:{nameof(ContentOptions.CircuitBreakerBreakDuration)} must be between 0.5 s and 1 day.");
        }
    }
}

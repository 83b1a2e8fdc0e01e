using Microsoft.Extensions.Options;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>Rejects dashboard settings that cannot work, naming the variable.</summary>
internal sealed class DashboardAccessOptionsValidator : IValidateOptions<DashboardAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardAccessOptions options)
    {
        var failures = new List<string>();
        var hasUser = !string.IsNullOrEmpty(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser && !hasPassword)
        {
            failures.Add("DASHBOARD_PASSWORD is required when DASHBOARD_USERNAME is set.");
        }

        if (hasPassword && !hasUser)
        {
            failures.Add("DASHBOARD_USERNAME is required when DASHBOARD_PASSWORD is set.");
        }

        if (hasUser && options.Username!.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("DASHBOARD_USERNAME must not contain ':' (HTTP Basic separates user and password with it).");
        }

        if (!string.IsNullOrEmpty(options.Token) && options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("DASHBOARD_TOKEN must not contain whitespace.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

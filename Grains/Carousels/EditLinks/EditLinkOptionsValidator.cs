using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>Rejects edit-link settings that cannot work, naming the setting and never quoting the secret.</summary>
internal sealed class EditLinkOptionsValidator : IValidateOptions<EditLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, EditLinkOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.Secret is { } secret && (secret.Length < EditLinkOptions.MinimumSecretLength || secret.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{EditLinkOptions.SecretKey} must have at least {EditLinkOptions.MinimumSecretLength} characters and no whitespace " +
                "(e.g. `openssl rand -hex 32`); leave it unset to use the cluster's stored key.");
        }

        if (options.Lifetime < TimeSpan.FromHours(1) || options.Lifetime > EditLinkOptions.MaxLifetime)
        {
            failures.Add($"{EditLinkOptions.HoursKey} must be 1–{EditLinkOptions.MaxLifetime.TotalHours} (was {options.Lifetime.TotalHours}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

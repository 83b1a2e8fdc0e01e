using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>Reads <see cref="EditLinkOptions"/> from flat, environment-style keys; unreadable values name their setting.</summary>
internal static class EditLinkOptionsBinder
{
    private const string WebhookUrlKey = "TELEGRAM_WEBHOOK_URL";

    public static void Bind(IConfiguration configuration, EditLinkOptions options)
    {
        if (configuration[EditLinkOptions.SecretKey] is { Length: > 0 } secret)
        {
            options.Secret = secret;
        }

        if (configuration[EditLinkOptions.HoursKey] is { } hours && !string.IsNullOrWhiteSpace(hours))
        {
            if (int.TryParse(hours.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                options.Lifetime = TimeSpan.FromHours(value);
            }
            else
            {
                options.BindingErrors.Add($"{EditLinkOptions.HoursKey} must be a whole number of hours, 1–{EditLinkOptions.MaxLifetime.TotalHours} (got '{hours}').");
            }
        }

        if (configuration[EditLinkOptions.PublicBaseUrlKey] is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl))
        {
            if (IsHttpUrl(baseUrl.Trim(), out var uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo))
            {
                options.PublicBaseUrl = uri;
            }
            else
            {
                options.BindingErrors.Add(
                    $"{EditLinkOptions.PublicBaseUrlKey} must be an absolute http:// or https:// URL without query, fragment or credentials (e.g. https://carousels.example.com).");
            }
        }

        // The webhook URL is validated by the Telegram settings; here it is only a fallback for the page's address.
        if (configuration[WebhookUrlKey] is { } webhook && IsHttpUrl(webhook.Trim(), out var webhookUri))
        {
            options.WebhookOrigin = new Uri(webhookUri.GetLeftPart(UriPartial.Authority));
        }
    }

    private static bool IsHttpUrl(string text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>
/// Settings of signed edit links (<c>/web</c> in the bot, <c>editUrl</c> of <c>POST /api/carousels</c>), read from the
/// environment by <see cref="EditLinkOptionsBinder"/> and validated at start.
/// </summary>
/// <remarks>
/// Defaults: no <see cref="Secret"/> — the cluster's own random key kept in grain storage (<see cref="IEditLinkKeyGrain"/>)
/// signs, so every gateway and silo of one cluster agrees without configuration and links survive restarts; links live
/// 24 hours; the page address is <see cref="PublicBaseUrl"/>, else the origin of <c>TELEGRAM_WEBHOOK_URL</c>, else
/// <see cref="DefaultBaseUrl"/>.
/// </remarks>
public sealed class EditLinkOptions
{
    /// <summary>The setting of <see cref="Secret"/>.</summary>
    public const string SecretKey = "EDIT_LINK_SECRET";

    /// <summary>The setting of <see cref="Lifetime"/> (whole hours).</summary>
    public const string HoursKey = "EDIT_LINK_HOURS";

    /// <summary>The setting of <see cref="PublicBaseUrl"/>.</summary>
    public const string PublicBaseUrlKey = "PUBLIC_BASE_URL";

    /// <summary>The shortest secret accepted (32 characters, e.g. <c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>The longest link lifetime allowed: 30 days.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>The page address when nothing else is configured: the gateway's documented local default.</summary>
    public const string DefaultBaseUrl = "http://localhost:8080";

    /// <summary>
    /// The signing secret (<c>EDIT_LINK_SECRET</c>), shared by every gateway and silo; null: the cluster's stored key.
    /// Never logged. Changing it invalidates every link given out.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a link works after it was given (<c>EDIT_LINK_HOURS</c>, 1–720). Default 24 hours.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Where people reach the preview page (<c>PUBLIC_BASE_URL</c>, absolute http(s), a path prefix allowed); null: the
    /// webhook's origin or <see cref="DefaultBaseUrl"/>, see <see cref="EffectiveBaseUrl"/>.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The origin of <c>TELEGRAM_WEBHOOK_URL</c>, when set: the gateway's public address in webhook mode.</summary>
    public Uri? WebhookOrigin { get; set; }

    /// <summary>The base of edit links, without a trailing slash.</summary>
    public string EffectiveBaseUrl => (PublicBaseUrl ?? WebhookOrigin)?.ToString().TrimEnd('/') ?? DefaultBaseUrl;

    /// <summary>Values that could not be read, each naming its setting; reported by the validator.</summary>
    public IList<string> BindingErrors { get; } = [];
}

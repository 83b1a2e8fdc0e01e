using System.Net;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// How the gateway treats callers from the internet: the per-client limit on creating carousels, the proxies whose
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed, and the API keys of trusted integrations. Read from
/// the environment by <see cref="PublicApiOptionsBinder"/>.
/// </summary>
/// <remarks>
/// Defaults: <see cref="PermitsPerMinute"/> 10 (0 turns the limit off); no proxy trusted (the socket's address is the
/// client, loopback included); no API keys (every caller is anonymous).
/// </remarks>
internal sealed class PublicApiOptions
{
    /// <summary>The setting of <see cref="PermitsPerMinute"/>.</summary>
    public const string RateLimitKey = "API_RATE_LIMIT_PER_MINUTE";

    /// <summary>The setting of <see cref="KnownNetworks"/>.</summary>
    public const string KnownNetworksKey = "FORWARDED_HEADERS_KNOWN_NETWORKS";

    /// <summary>The setting of <see cref="ApiKeys"/> (a secret).</summary>
    public const string ApiKeysKey = "API_KEYS";

    /// <summary>The shortest API key accepted: shorter ones could be guessed within the rate limit.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary><c>POST /api/carousels</c> per anonymous client per minute; 0: no limit.</summary>
    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>Networks of the proxies (the ingress controller) whose forwarded headers are applied.</summary>
    public IList<IPNetwork> KnownNetworks { get; } = [];

    /// <summary>Keys of trusted integrations (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>). Secrets: never logged.</summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Values that could not be read, each naming its setting; reported by the validator.</summary>
    public IList<string> BindingErrors { get; } = [];
}

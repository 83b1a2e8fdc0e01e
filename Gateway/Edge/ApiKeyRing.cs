using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// The configured API keys (<c>API_KEYS</c>) and the check of the key a request presents, in <c>X-Api-Key</c> or as
/// <c>Authorization: Bearer</c>. Only SHA-256 digests are kept; every digest is compared in fixed time, so neither the
/// length of a guess nor how much of it was right shows in the answer time.
/// </summary>
internal sealed class ApiKeyRing
{
    /// <summary>The header carrying a key.</summary>
    public const string HeaderName = "X-Api-Key";

    private const int MaxPresentedLength = 1024;
    private const string BearerPrefix = "Bearer ";
    private static readonly object ItemKey = new();

    private readonly byte[][] _digests;

    public ApiKeyRing(IOptions<PublicApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _digests = [.. options.Value.ApiKeys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key)))];
    }

    /// <summary>What the request presents, worked out once per request.</summary>
    public ApiCaller Identify(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(ItemKey, out var known) && known is ApiCaller caller)
        {
            return caller;
        }

        caller = Check(Presented(http.Request));
        http.Items[ItemKey] = caller;
        return caller;
    }

    private ApiCaller Check(string? presented)
    {
        if (presented is null)
        {
            return ApiCaller.Anonymous;
        }

        if (presented.Length is 0 or > MaxPresentedLength)
        {
            return ApiCaller.WrongKey;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        var match = false;

        // No early exit: the time taken must not tell which key (or whether any) matched.
        foreach (var known in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, known);
        }

        return match ? ApiCaller.Trusted : ApiCaller.WrongKey;
    }

    // A present but empty X-Api-Key is a client whose key setting is empty: a wrong key, not an anonymous call.
    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}

using System.Security.Cryptography;
using System.Text;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// The <c>Idempotency-Key</c> request header of <c>POST /api/carousels</c>: a client that retries after a timeout or a
/// 503 sends the same key, and the retry answers with the job the first request started instead of starting (and
/// charging) a second one. The job id is derived from the key and the user, so the answer holds on any gateway and
/// across restarts without a table of its own.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>The header's name, as the IETF draft spells it.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Reads the header: null when absent; false with an error when it is present but not 1–255 visible ASCII
    /// characters (or repeated).
    /// </summary>
    public static bool TryRead(IHeaderDictionary headers, out string? key, out string? error)
    {
        ArgumentNullException.ThrowIfNull(headers);
        key = null;
        error = null;
        if (!headers.TryGetValue(HeaderName, out var values))
        {
            return true;
        }

        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } value || !value.All(c => c is > ' ' and <= '~'))
        {
            error = $"{HeaderName} must be one value of 1 to {MaxLength} visible ASCII characters (a UUID is a good choice).";
            return false;
        }

        key = value;
        return true;
    }

    /// <summary>The job id for <paramref name="key"/> sent on behalf of <paramref name="userId"/> (keys of different users never meet).</summary>
    public static string JobIdFor(string key, string? userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"api-idempotency\n{userId}\n{key}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Whether <paramref name="existing"/> was started by the same request as <paramref name="request"/> (a replay, not a reuse).</summary>
    public static bool IsSameRequest(CarouselRequest existing, CarouselRequest request)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(request);
        return existing.Topic == request.Topic
            && existing.SlideCount == request.SlideCount
            && existing.UserId == request.UserId
            && existing.Language == request.Language
            // The workflow adds the user's brand kit to the stored design; the caller never sends one.
            && existing.Design with { Kit = null } == request.Design with { Kit = null };
    }
}

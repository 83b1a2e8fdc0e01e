using System.ClientModel;
using System.Globalization;

namespace VibeCoder.Content.OpenAi;

/// <summary>Reads how long the AI service asked us to wait before trying again.</summary>
internal static class RetryAfter
{
    // Beyond any sensible request; a larger (or absurd) header value is read as this, so converting it cannot overflow.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>
    /// The wait requested by the failed response's <c>retry-after-ms</c> (OpenAI's) or <c>Retry-After</c> header
    /// (seconds or an HTTP date), capped at <paramref name="max"/>; null when there is none, so backoff decides.
    /// </summary>
    public static TimeSpan? From(Exception? exception, TimeSpan max, DateTimeOffset now)
    {
        if (exception is not ClientResultException { Status: 429 or >= 500 } failure
            || failure.GetRawResponse() is not { } response)
        {
            return null;
        }

        TimeSpan? requested = null;
        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            requested = TimeSpan.FromMilliseconds(Math.Min(ms, Longest.TotalMilliseconds));
        }
        else if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            requested = Parse(value, now);
        }

        return requested is { } wait ? (wait > max ? max : wait) : null;
    }

    /// <summary>Parses a Retry-After value: delta seconds or an HTTP date; null when it is neither.</summary>
    public static TimeSpan? Parse(string value, DateTimeOffset now)
    {
        var trimmed = value.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds)) : null;
        }

        if (DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

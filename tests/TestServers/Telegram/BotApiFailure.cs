namespace VibeCoder.TestServers.Telegram;

/// <summary>A scripted failure the stand-in answers instead of handling a call.</summary>
/// <param name="StatusCode">
/// HTTP status and error_code; 0 drops the connection without an answer; -1 never answers (until the client gives up).
/// </param>
/// <param name="Description">Telegram's description text.</param>
/// <param name="RetryAfterSeconds">For 429: parameters.retry_after; null leaves <c>parameters</c> out of the answer.</param>
/// <param name="HtmlPage">Answer an HTML error page (as a proxy in front of the API does) instead of a Bot API envelope.</param>
public sealed record BotApiFailure(int StatusCode, string Description, int? RetryAfterSeconds = null, bool HtmlPage = false)
{
    /// <summary>502 with nginx's HTML page: the API behind the proxy is down.</summary>
    public static BotApiFailure BadGatewayPage() => new(502, "Bad Gateway", HtmlPage: true);

    /// <summary>429 flood control with retry_after.</summary>
    public static BotApiFailure TooManyRequests(int retryAfterSeconds) =>
        new(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    /// <summary>A server error, 500 unless told.</summary>
    public static BotApiFailure ServerError(int statusCode = 500) => new(statusCode, "Internal Server Error");

    /// <summary>403: the user blocked the bot.</summary>
    public static BotApiFailure BlockedByUser() => new(403, "Forbidden: bot was blocked by the user");

    /// <summary>403: the user deleted their account.</summary>
    public static BotApiFailure UserDeactivated() => new(403, "Forbidden: user is deactivated");

    /// <summary>400 with the given description.</summary>
    public static BotApiFailure BadRequest(string description) => new(400, "Bad Request: " + description);

    /// <summary>The connection is dropped before any answer, as a network failure would.</summary>
    public static BotApiFailure ConnectionDropped() => new(0, "connection dropped");

    /// <summary>No answer until the client gives up, as an overloaded server would; tests the client's timeout.</summary>
    public static BotApiFailure NoAnswer() => new(-1, "no answer");
}

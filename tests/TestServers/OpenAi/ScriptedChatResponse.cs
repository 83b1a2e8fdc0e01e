using System.Text.Json;

namespace VibeCoder.TestServers.OpenAi;

/// <summary>One answer the <see cref="OpenAiStandInServer"/> gives to the next chat completion request.</summary>
public sealed record ScriptedChatResponse
{
    private ScriptedChatResponse(int status)
    {
        Status = status;
    }

    /// <summary>The HTTP status code; 0 drops the connection instead of answering.</summary>
    public int Status { get; }

    /// <summary>The assistant message's content for a 200 answer; null when the answer is an error.</summary>
    public string? Content { get; private init; }

    /// <summary>The usage reported with a 200 answer: prompt tokens.</summary>
    public int PromptTokens { get; private init; }

    /// <summary>The usage reported with a 200 answer: completion tokens.</summary>
    public int CompletionTokens { get; private init; }

    /// <summary>A raw HTTP body sent instead of the generated one (to test a body that is not a chat completion).</summary>
    public string? RawBody { get; private init; }

    /// <summary>How long to wait before answering (the wait ends early when the client gives up).</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Extra response headers, e.g. Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    /// <summary>A 200 chat completion whose assistant message is <paramref name="content"/> (valid JSON or not).</summary>
    /// <param name="content">The message content, e.g. the carousel JSON, or deliberately malformed text.</param>
    /// <param name="promptTokens">The reported prompt tokens.</param>
    /// <param name="completionTokens">The reported completion tokens.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse Success(string content, int promptTokens = 100, int completionTokens = 200) =>
        new(200) { Content = content, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    /// <summary>A 200 chat completion whose content is <paramref name="payload"/> serialised as JSON.</summary>
    /// <param name="payload">Any object; anonymous objects work well.</param>
    /// <param name="promptTokens">The reported prompt tokens.</param>
    /// <param name="completionTokens">The reported completion tokens.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse Json(object payload, int promptTokens = 100, int completionTokens = 200) =>
        Success(JsonSerializer.Serialize(payload), promptTokens, completionTokens);

    /// <summary>An OpenAI-style error answer with status <paramref name="status"/>.</summary>
    /// <param name="status">The HTTP status, e.g. 500 or 401.</param>
    /// <param name="message">The error message in the body.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse Error(int status, string message = "The stand-in server was told to fail.") =>
        new(status)
        {
            RawBody = JsonSerializer.Serialize(new { error = new { message, type = "server_error", param = (string?)null, code = (string?)null } }),
        };

    /// <summary>A 429 answer carrying a Retry-After header (seconds) and/or OpenAI's retry-after-ms header.</summary>
    /// <param name="retryAfterSeconds">The Retry-After value, or null for none.</param>
    /// <param name="retryAfterMilliseconds">The retry-after-ms value, or null for none.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse RateLimited(string? retryAfterSeconds = "0", string? retryAfterMilliseconds = null)
    {
        var headers = new Dictionary<string, string>();
        if (retryAfterSeconds is not null)
        {
            headers["Retry-After"] = retryAfterSeconds;
        }

        if (retryAfterMilliseconds is not null)
        {
            headers["retry-after-ms"] = retryAfterMilliseconds;
        }

        return Error(429, "Rate limit reached.") with { Headers = headers };
    }

    /// <summary>A raw answer: status and body exactly as given (e.g. a 200 that is not JSON at all).</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body, sent as application/json.</param>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse Raw(int status, string body) => new(status) { RawBody = body };

    /// <summary>
    /// Garbage: a 200 whose body is not a chat completion at all (an HTML page of a proxy in front of the service).
    /// </summary>
    /// <returns>The scripted response.</returns>
    public static ScriptedChatResponse NotAChatCompletion() =>
        Raw(200, "<html><body><h1>Service temporarily unavailable</h1></body></html>");

    /// <summary>No answer at all: the connection is dropped, as when the service is down or unreachable.</summary>
    /// <returns>The scripted response (status 0).</returns>
    public static ScriptedChatResponse ConnectionDropped() => new(0);

    /// <summary>This answer, given only after <paramref name="delay"/> (longer than the client timeout to provoke one).</summary>
    /// <param name="delay">The wait before answering.</param>
    /// <returns>A copy that waits first.</returns>
    public ScriptedChatResponse After(TimeSpan delay) => this with { Delay = delay };
}

using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>What the stand-in answers to one call, plus facts worth recording about it.</summary>
internal sealed record BotApiAnswer
{
    public int StatusCode { get; init; } = 200;

    public JsonNode? Result { get; init; }

    public string? Description { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public long? MessageId { get; init; }

    public int PhotoCount { get; init; }

    public string? Caption { get; init; }

    /// <summary>An HTML page to answer instead of a Bot API envelope.</summary>
    public string? Page { get; init; }

    public static BotApiAnswer Ok(JsonNode? result) => new() { Result = result };

    public static BotApiAnswer Error(int statusCode, string description, int? retryAfterSeconds = null) =>
        new() { StatusCode = statusCode, Description = description, RetryAfterSeconds = retryAfterSeconds };

    public static BotApiAnswer ErrorPage(int statusCode, string title) => new()
    {
        StatusCode = statusCode,
        Description = title,
        Page = $"<html>\r\n<head><title>{statusCode} {title}</title></head>\r\n<body>\r\n<center><h1>{statusCode} {title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    };

    public JsonObject ToEnvelope()
    {
        if (StatusCode == 200)
        {
            return new JsonObject { ["ok"] = true, ["result"] = Result?.DeepClone() };
        }

        var envelope = new JsonObject { ["ok"] = false, ["error_code"] = StatusCode, ["description"] = Description };
        if (RetryAfterSeconds is { } retryAfter)
        {
            envelope["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return envelope;
    }
}

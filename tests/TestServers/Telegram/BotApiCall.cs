using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>One call the stand-in received, with what it answered.</summary>
public sealed record BotApiCall
{
    /// <summary>Bot API method as written in the URL, e.g. <c>sendMessage</c>.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// HTTP status answered: 200, 400, 401, 403, 404, 409, 429, 5xx; 0 when a scripted failure dropped the connection,
    /// -1 when one never answered, 499 when the client went away first (e.g. it cancelled a long poll).
    /// </summary>
    public required int StatusCode { get; init; }

    /// <summary>When the call was answered (the record is made with the answer), for timing failover from the outside.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Telegram's description for failures.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>The chat_id parameter, when numeric.</summary>
    public long? ChatId { get; init; }

    /// <summary>The message id assigned (send methods) or targeted (edit, delete).</summary>
    public long? MessageId { get; init; }

    /// <summary>The text parameter.</summary>
    public string? Text { get; init; }

    /// <summary>The caption as the user sees it, after parse_mode (for sendMediaGroup: the first item's caption).</summary>
    public string? Caption { get; init; }

    /// <summary>The parse_mode parameter.</summary>
    public string? ParseMode { get; init; }

    /// <summary>Photos sent: 1 for sendPhoto, the media count for sendMediaGroup, else 0.</summary>
    public int PhotoCount { get; init; }

    /// <summary>Uploaded file parts.</summary>
    public IReadOnlyList<BotApiFile> Files { get; init; } = [];

    /// <summary>reply_markup as JSON text.</summary>
    public string? ReplyMarkup { get; init; }

    /// <summary>Inline keyboard buttons from reply_markup, row by row flattened.</summary>
    public IReadOnlyList<BotApiButton> Buttons { get; init; } = [];

    /// <summary>How the body came: <c>json</c>, <c>form</c>, <c>multipart</c> or <c>none</c>.</summary>
    public string BodyKind { get; init; } = "none";

    /// <summary>True when the body came chunked (Transfer-Encoding: chunked, no Content-Length).</summary>
    public bool Chunked { get; init; }

    /// <summary>Every parameter as text (JSON-valued ones as JSON).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The answer's result as JSON text, for successful calls.</summary>
    public string? Result { get; init; }

    /// <summary>The parameter <paramref name="name"/> parsed as JSON, or null when absent.</summary>
    public JsonNode? JsonParameter(string name) =>
        Parameters.TryGetValue(name, out var value) ? JsonNode.Parse(value) : null;
}

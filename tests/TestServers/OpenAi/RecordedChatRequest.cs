using System.Text.Json;

namespace VibeCoder.TestServers.OpenAi;

/// <summary>A request the <see cref="OpenAiStandInServer"/> received, as it arrived.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. "/v1/chat/completions".</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Body">The raw body.</param>
public sealed record RecordedChatRequest(string Method, string Path, string? Authorization, string Body)
{
    /// <summary>The body parsed as JSON, or an undefined element when it is not JSON.</summary>
    public JsonElement Json { get; } = TryParse(Body);

    /// <summary>The "model" field.</summary>
    public string? Model => StringAt(Json, "model");

    /// <summary>The "response_format.type" field, e.g. "json_schema".</summary>
    public string? ResponseFormatType =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("response_format", out var format)
            ? StringAt(format, "type")
            : null;

    /// <summary>The "response_format.json_schema" object, or an undefined element when absent.</summary>
    public JsonElement JsonSchema =>
        Json.ValueKind == JsonValueKind.Object
        && Json.TryGetProperty("response_format", out var format)
        && format.ValueKind == JsonValueKind.Object
        && format.TryGetProperty("json_schema", out var schema)
            ? schema
            : default;

    /// <summary>The "messages" in order.</summary>
    public IReadOnlyList<RecordedChatMessage> Messages => ReadMessages(Json);

    private static JsonElement TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? StringAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<RecordedChatMessage> ReadMessages(JsonElement json)
    {
        var messages = new List<RecordedChatMessage>();
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("messages", out var array)
            || array.ValueKind != JsonValueKind.Array)
        {
            return messages;
        }

        foreach (var message in array.EnumerateArray())
        {
            var role = StringAt(message, "role") ?? string.Empty;
            var content = message.TryGetProperty("content", out var value) ? ContentText(value) : string.Empty;
            messages.Add(new RecordedChatMessage(role, content));
        }

        return messages;
    }

    // Content is either a string or an array of parts ({"type":"text","text":"…"}).
    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(part => StringAt(part, "text"))),
        _ => string.Empty,
    };
}

using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>Lenient reads of JSON nodes: a wrong type reads as absent, so bad input becomes a 400, not a crash.</summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VibeCoder.Telegram.Client;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram;

/// <summary>JSON metadata for reading Telegram's payloads outside the client, e.g. updates posted to the webhook.</summary>
public static class TelegramJson
{
    /// <summary>Source-generated metadata for <see cref="Types.Update"/> (snake_case names, unknown fields ignored).</summary>
    public static JsonTypeInfo<Update> Update => TelegramJsonContext.Default.Update;

    /// <summary>Reads an update from the UTF-8 JSON Telegram sends.</summary>
    /// <exception cref="JsonException">The body is not an update.</exception>
    public static Update DeserializeUpdate(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TelegramJsonContext.Default.Update)
        ?? throw new JsonException("The body is not a Telegram update.");
}

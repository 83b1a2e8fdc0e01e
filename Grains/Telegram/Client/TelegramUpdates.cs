using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>Reads and writes Telegram updates with Telegram.Bot's own types and serializer options (<see cref="JsonBotAPI.Options"/>).</summary>
internal static class TelegramUpdates
{
    /// <summary>Reads an update from the UTF-8 JSON Telegram sends (webhook body, or one stored from polling).</summary>
    /// <exception cref="JsonException">The body is not an update with a positive update_id.</exception>
    public static Update Parse(ReadOnlySpan<byte> utf8Json)
    {
        var update = JsonSerializer.Deserialize<Update>(utf8Json, JsonBotAPI.Options);

        // The library fills a missing update_id with 0; Telegram's ids are positive, so 0 means "not an update".
        return update is { Id: > 0 } ? update : throw new JsonException("The body is not a Telegram update with an update_id.");
    }

    /// <summary>Writes an update (e.g. one received by getUpdates) as Bot API JSON.</summary>
    public static string Serialize(Update update) => JsonSerializer.Serialize(update, JsonBotAPI.Options);
}

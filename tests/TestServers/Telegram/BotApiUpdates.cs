using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// Builds updates as Telegram sends them, for <see cref="BotApiStandInServer.EnqueueUpdate"/> or for posting to a
/// webhook. Without <c>updateId</c> the update has no update_id (the stand-in assigns one when queueing).
/// </summary>
public static class BotApiUpdates
{
    /// <summary>A text message from a user in their private chat; a leading /command gets a bot_command entity.</summary>
    public static JsonObject TextMessage(long chatId, long userId, string text, long messageId = 1, long? updateId = null, string languageCode = "en")
    {
        var message = Message(chatId, userId, messageId, languageCode);
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var length = text.IndexOfAny([' ', '\n']) is var end and > 0 ? end : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return Update(updateId, "message", message);
    }

    /// <summary>A sticker message.</summary>
    public static JsonObject StickerMessage(long chatId, long userId, long messageId = 1, long? updateId = null, string emoji = "👍")
    {
        var message = Message(chatId, userId, messageId, "en");
        message["sticker"] = new JsonObject
        {
            ["file_id"] = "sticker-file",
            ["file_unique_id"] = "sticker-unique",
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = emoji,
        };
        return Update(updateId, "message", message);
    }

    /// <summary>A photo message with an optional caption.</summary>
    public static JsonObject PhotoMessage(long chatId, long userId, string? caption = null, long messageId = 1, long? updateId = null)
    {
        var message = Message(chatId, userId, messageId, "en");
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = "photo-small", ["file_unique_id"] = "photo-s", ["width"] = 90, ["height"] = 90, ["file_size"] = 1200 },
            new JsonObject { ["file_id"] = "photo-large", ["file_unique_id"] = "photo-l", ["width"] = 1080, ["height"] = 1350, ["file_size"] = 150_000 });
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return Update(updateId, "message", message);
    }

    /// <summary>A photo message whose largest size is the stand-in file <paramref name="fileId"/> (see <c>AddFile</c>).</summary>
    public static JsonObject PhotoFile(long chatId, long userId, string fileId, int width, int height, long fileSize, long messageId = 1, long? updateId = null)
    {
        var message = Message(chatId, userId, messageId, "en");
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = fileId + "-thumb", ["file_unique_id"] = fileId + "-t", ["width"] = 90, ["height"] = 90, ["file_size"] = 1200 },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId + "-u", ["width"] = width, ["height"] = height, ["file_size"] = fileSize });
        return Update(updateId, "message", message);
    }

    /// <summary>A file sent as a document (unaltered by Telegram) that is the stand-in file <paramref name="fileId"/>.</summary>
    public static JsonObject DocumentFile(long chatId, long userId, string fileId, string fileName, string mimeType, long fileSize, long messageId = 1, long? updateId = null)
    {
        var message = Message(chatId, userId, messageId, "en");
        message["document"] = new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = fileId + "-u",
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_size"] = fileSize,
        };
        return Update(updateId, "message", message);
    }

    /// <summary>A press on an inline button with <paramref name="data"/> under the bot's message <paramref name="messageId"/>.</summary>
    public static JsonObject CallbackQuery(long chatId, long userId, string data, long messageId, string? callbackQueryId = null, long? updateId = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "VibeCoder Stand-in", ["username"] = "vibecoder_standin_bot" },
            ["chat"] = Chat(chatId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = "…",
        };
        var query = new JsonObject
        {
            ["id"] = callbackQueryId ?? Guid.NewGuid().ToString("N"),
            ["from"] = User(userId, "en"),
            ["message"] = message,
            ["chat_instance"] = "instance-" + chatId,
            ["data"] = data,
        };
        return Update(updateId, "callback_query", query);
    }

    /// <summary>The bot's membership in a private chat changed; <c>kicked</c> means the user blocked the bot.</summary>
    public static JsonObject MyChatMember(long chatId, long userId, string newStatus, string oldStatus = "member", long? updateId = null)
    {
        var change = new JsonObject
        {
            ["chat"] = Chat(chatId),
            ["from"] = User(userId, "en"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = BotUser() },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = BotUser() },
        };
        return Update(updateId, "my_chat_member", change);
    }

    private static JsonObject Update(long? updateId, string kind, JsonObject payload)
    {
        var update = new JsonObject();
        if (updateId is { } id)
        {
            update["update_id"] = id;
        }

        update[kind] = payload;
        return update;
    }

    private static JsonObject Message(long chatId, long userId, long messageId, string languageCode) => new()
    {
        ["message_id"] = messageId,
        ["from"] = User(userId, languageCode),
        ["chat"] = Chat(chatId),
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    private static JsonObject User(long userId, string languageCode) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = "Test",
        ["last_name"] = "User",
        ["username"] = "user" + userId,
        ["language_code"] = languageCode,
    };

    private static JsonObject BotUser() => new() { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "VibeCoder Stand-in" };

    private static JsonObject Chat(long chatId) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Test group" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Test", ["username"] = "user" + chatId };
}

using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// Telegram's side of the Bot API methods the service uses: message ids, stored messages for edits and deletes,
/// the update queue with getUpdates' offset and long-poll semantics, the webhook, blocked chats, and the limits.
/// </summary>
/// <remarks>All state is guarded by one lock; the long poll waits outside it on <see cref="AsyncSignal"/>.</remarks>
internal sealed class BotApiSimulator(long botId)
{
    private static readonly HashSet<string> ChatActions =
        ["typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
         "choose_sticker", "find_location", "record_video_note", "upload_video_note"];

    private readonly Lock _lock = new();
    private readonly Dictionary<(long Chat, long Message), StoredMessage> _messages = [];
    private readonly Dictionary<long, long> _lastMessageIds = [];
    private readonly List<JsonObject> _updates = [];
    private readonly HashSet<long> _blockedChats = [];
    private readonly AsyncSignal _updatesChanged = new();
    private readonly AsyncSignal _pollsChanged = new();
    private int _waitingPolls;
    private long _lastUpdateId = 100_000;
    private long _lastFileId;
    private BotApiWebhook? _webhook;

    public BotApiWebhook? Webhook
    {
        get
        {
            lock (_lock)
            {
                return _webhook;
            }
        }
    }

    public int PendingUpdates
    {
        get
        {
            lock (_lock)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>Completes once a getUpdates call is waiting for updates (now or later).</summary>
    public async Task WaitForLongPollAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _pollsChanged.Current;
            if (Volatile.Read(ref _waitingPolls) > 0)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public JsonObject BotUser => new()
    {
        ["id"] = botId,
        ["is_bot"] = true,
        ["first_name"] = "VibeCoder Stand-in",
        ["username"] = "vibecoder_standin_bot",
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    public long EnqueueUpdate(JsonObject update)
    {
        lock (_lock)
        {
            // Telegram's ids only grow; an explicit id below the last one would break offset semantics.
            var id = update["update_id"] is JsonValue given && given.TryGetValue<long>(out var explicitId) && explicitId > _lastUpdateId
                ? explicitId
                : _lastUpdateId + 1;
            _lastUpdateId = id;
            var copy = update.DeepClone().AsObject();
            copy["update_id"] = id;
            _updates.Add(copy);
            _updatesChanged.Pulse();
            return id;
        }
    }

    public void SetBlocked(long chatId, bool blocked)
    {
        lock (_lock)
        {
            _ = blocked ? _blockedChats.Add(chatId) : _blockedChats.Remove(chatId);
        }
    }

    public string? MessageText(long chatId, long messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue((chatId, messageId), out var message) ? message.Text : null;
        }
    }

    /// <summary>The photo a message shows now (as uploaded), or null when there is none (deleted, text, or sent by file_id).</summary>
    public byte[]? MessagePhoto(long chatId, long messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue((chatId, messageId), out var message) ? message.Photo : null;
        }
    }

    /// <summary>The caption a message has now (after parse_mode), or null.</summary>
    public string? MessageCaption(long chatId, long messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue((chatId, messageId), out var message) ? message.Caption : null;
        }
    }

    /// <summary>Whether the message exists (sent and not deleted).</summary>
    public bool HasMessage(long chatId, long messageId)
    {
        lock (_lock)
        {
            return _messages.ContainsKey((chatId, messageId));
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _messages.Clear();
            _lastMessageIds.Clear();
            _updates.Clear();
            _blockedChats.Clear();
            _webhook = null;
            _updatesChanged.Pulse();
        }
    }

    public BotApiAnswer Handle(string method, BotApiParameters parameters) => method switch
    {
        "getMe" => BotApiAnswer.Ok(BotUser),
        "setWebhook" => SetWebhook(parameters),
        "deleteWebhook" => DeleteWebhook(parameters),
        "getWebhookInfo" => GetWebhookInfo(),
        "sendMessage" => SendMessage(parameters),
        "editMessageText" => EditMessageText(parameters),
        "editMessageMedia" => EditMessageMedia(parameters),
        "sendChatAction" => SendChatAction(parameters),
        "sendPhoto" => SendPhoto(parameters),
        "sendDocument" => SendDocument(parameters),
        "sendMediaGroup" => SendMediaGroup(parameters),
        "answerCallbackQuery" => AnswerCallbackQuery(parameters),
        "setMyCommands" => SetMyCommands(parameters),
        "deleteMessage" => DeleteMessage(parameters),
        _ => BotApiAnswer.Error(404, "Not Found"),
    };

    /// <summary>getUpdates: confirms updates below offset, then answers at once or waits up to timeout for one.</summary>
    public async Task<BotApiAnswer> GetUpdatesAsync(BotApiParameters parameters, CancellationToken cancellationToken)
    {
        var offset = parameters.Long("offset");
        var limit = (int)Math.Clamp(parameters.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, parameters.Long("timeout") ?? 0));
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_webhook is not null)
                {
                    return BotApiAnswer.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                }

                Confirm(offset);
                changed = _updatesChanged.Current;
                if (_updates.Count > 0)
                {
                    return BotApiAnswer.Ok(new JsonArray(_updates.Take(limit).Select(update => (JsonNode)update.DeepClone()).ToArray()));
                }
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
            {
                return BotApiAnswer.Ok(new JsonArray());
            }

            Interlocked.Increment(ref _waitingPolls);
            _pollsChanged.Pulse();
            try
            {
                await Task.WhenAny(changed, Task.Delay(remaining, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waitingPolls);
            }
        }
    }

    // Updates below the offset are confirmed and forgotten; a negative offset keeps only the last |offset| ones.
    private void Confirm(long? offset)
    {
        if (offset is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            _updates.RemoveRange(0, Math.Max(0, _updates.Count + (int)Math.Max(value, int.MinValue + 1)));
            return;
        }

        _updates.RemoveAll(update => update["update_id"]!.GetValue<long>() < value);
    }

    private BotApiAnswer SetWebhook(BotApiParameters parameters)
    {
        var url = parameters.String("url") ?? "";
        var secret = parameters.String("secret_token");
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https"))
        {
            return BotApiAnswer.Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (secret is not null && !BotApiLimits.IsValidSecret(secret))
        {
            return BotApiAnswer.Error(400, "Bad Request: secret token contains unallowed characters");
        }

        var allowed = parameters.Json("allowed_updates") is JsonArray list ? list.Select(JsonText.Of).OfType<string>().ToArray() : null;
        var drop = parameters.Bool("drop_pending_updates");
        lock (_lock)
        {
            // An empty URL removes the webhook, as in Telegram.
            _webhook = url.Length == 0 ? null : new BotApiWebhook(url, secret, allowed, drop);
            DropPendingIf(drop);
        }

        return BotApiAnswer.Ok(true);
    }

    private BotApiAnswer DeleteWebhook(BotApiParameters parameters)
    {
        lock (_lock)
        {
            _webhook = null;
            DropPendingIf(parameters.Bool("drop_pending_updates"));
        }

        return BotApiAnswer.Ok(true);
    }

    private void DropPendingIf(bool drop)
    {
        if (drop)
        {
            _updates.Clear();
        }
    }

    private BotApiAnswer GetWebhookInfo()
    {
        lock (_lock)
        {
            var info = new JsonObject
            {
                ["url"] = _webhook?.Url ?? "",
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _updates.Count,
            };
            if (_webhook?.AllowedUpdates is { } allowed)
            {
                info["allowed_updates"] = new JsonArray(allowed.Select(name => (JsonNode)JsonValue.Create(name)).ToArray());
            }

            return BotApiAnswer.Ok(info);
        }
    }

    private BotApiAnswer SendMessage(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var text = BotApiLimits.RequireText(parameters);
        var markup = parameters.Json("reply_markup");
        BotApiLimits.Buttons(markup);
        var message = NewMessage(chatId, new StoredMessage(text, markup?.ToJsonString(), Caption: null));
        message["text"] = text;
        AttachMarkup(message, markup);
        return BotApiAnswer.Ok(message) with { MessageId = message["message_id"]!.GetValue<long>() };
    }

    private BotApiAnswer EditMessageText(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var messageId = parameters.Long("message_id") ?? throw new BotApiRequestException("Bad Request: message identifier is not specified");
        var text = BotApiLimits.RequireText(parameters);
        var markup = parameters.Json("reply_markup");
        BotApiLimits.Buttons(markup);
        lock (_lock)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var stored))
            {
                throw new BotApiRequestException("Bad Request: message to edit not found");
            }

            if (stored.Text is null)
            {
                throw new BotApiRequestException("Bad Request: there is no text in the message to edit");
            }

            var markupJson = markup?.ToJsonString();
            if (stored.Text == text && stored.ReplyMarkup == markupJson)
            {
                throw new BotApiRequestException(
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            _messages[(chatId, messageId)] = stored with { Text = text, ReplyMarkup = markupJson };
        }

        var message = MessageJson(chatId, messageId);
        message["text"] = text;
        message["edit_date"] = UnixNow();
        AttachMarkup(message, markup);
        return BotApiAnswer.Ok(message) with { MessageId = messageId };
    }

    // Replaces a message's photo (and caption: one not given is removed, as in Telegram). Only media messages can be
    // edited so; an album's photo stays a photo.
    private BotApiAnswer EditMessageMedia(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var messageId = parameters.Long("message_id") ?? throw new BotApiRequestException("Bad Request: message identifier is not specified");
        if (parameters.Json("media") is not JsonObject media)
        {
            throw new BotApiRequestException("Bad Request: parameter \"media\" is required");
        }

        var (type, caption, file) = MediaGroupItem(media, parameters);
        if (type != "photo")
        {
            throw new BotApiRequestException("Bad Request: only photos can replace the media here");
        }

        var markup = parameters.Json("reply_markup");
        BotApiLimits.Buttons(markup);
        lock (_lock)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var stored))
            {
                throw new BotApiRequestException("Bad Request: message to edit not found");
            }

            if (stored.Text is not null)
            {
                throw new BotApiRequestException("Bad Request: there is no media in the message to edit");
            }

            _messages[(chatId, messageId)] = stored with { Caption = caption, Photo = file?.Content, ReplyMarkup = markup?.ToJsonString() };
        }

        var message = MessageJson(chatId, messageId);
        message["photo"] = new JsonArray(PhotoSize(file));
        message["edit_date"] = UnixNow();
        SetCaption(message, caption);
        AttachMarkup(message, markup);
        return BotApiAnswer.Ok(message) with { MessageId = messageId, PhotoCount = 1, Caption = caption };
    }

    private BotApiAnswer SendChatAction(BotApiParameters parameters)
    {
        WritableChat(parameters);
        var action = parameters.String("action");
        return action is not null && ChatActions.Contains(action)
            ? BotApiAnswer.Ok(true)
            : BotApiAnswer.Error(400, "Bad Request: wrong parameter action in request");
    }

    private BotApiAnswer SendPhoto(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var caption = BotApiLimits.Caption(parameters.String("caption"), BotApiLimits.ParseMode(parameters));
        var markup = parameters.Json("reply_markup");
        BotApiLimits.Buttons(markup);
        var file = RequireFile(parameters, "photo", BotApiLimits.MaxPhotoBytes, "there is no photo in the request");
        var message = NewMessage(chatId, new StoredMessage(Text: null, markup?.ToJsonString(), caption, file?.Content));
        message["photo"] = new JsonArray(PhotoSize(file));
        SetCaption(message, caption);
        AttachMarkup(message, markup);
        return BotApiAnswer.Ok(message) with { MessageId = message["message_id"]!.GetValue<long>(), PhotoCount = 1, Caption = caption };
    }

    private BotApiAnswer SendDocument(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var caption = BotApiLimits.Caption(parameters.String("caption"), BotApiLimits.ParseMode(parameters));
        var markup = parameters.Json("reply_markup");
        BotApiLimits.Buttons(markup);
        var file = RequireFile(parameters, "document", BotApiLimits.MaxDocumentBytes, "there is no document in the request");
        var message = NewMessage(chatId, new StoredMessage(Text: null, markup?.ToJsonString(), caption));
        message["document"] = new JsonObject
        {
            ["file_id"] = NextFileId(),
            ["file_unique_id"] = NextFileId(),
            ["file_name"] = file?.FileName,
            ["mime_type"] = file?.ContentType,
            ["file_size"] = file?.Length,
        };
        SetCaption(message, caption);
        AttachMarkup(message, markup);
        return BotApiAnswer.Ok(message) with { MessageId = message["message_id"]!.GetValue<long>(), Caption = caption };
    }

    private BotApiAnswer SendMediaGroup(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        if (parameters.Json("media") is not JsonArray media)
        {
            throw new BotApiRequestException("Bad Request: parameter \"media\" is required");
        }

        if (media.Count is < 2 or > 10)
        {
            throw new BotApiRequestException("Bad Request: wrong number of media items: a media group must have 2-10 items");
        }

        // One file per item: an attachment used twice means the request was built wrong.
        var references = media.Select(item => JsonText.Of(item?["media"])).OfType<string>().Where(r => r.StartsWith("attach://", StringComparison.Ordinal)).ToArray();
        if (references.Distinct(StringComparer.Ordinal).Count() != references.Length)
        {
            throw new BotApiRequestException("Bad Request: the same attached file is used twice in the media group");
        }

        // Check every item before creating any message: Telegram sends an album whole or not at all.
        var items = media.Select(item => MediaGroupItem(item, parameters)).ToArray();
        var groupId = NextFileId();
        var messages = new JsonArray();
        long? firstId = null;
        foreach (var (type, caption, file) in items)
        {
            var message = NewMessage(chatId, new StoredMessage(Text: null, ReplyMarkup: null, caption, type == "photo" ? file?.Content : null));
            firstId ??= message["message_id"]!.GetValue<long>();
            message["media_group_id"] = groupId;
            message[type] = type == "photo" ? new JsonArray(PhotoSize(file)) : new JsonObject { ["file_id"] = NextFileId(), ["file_name"] = file?.FileName };
            SetCaption(message, caption);
            messages.Add(message);
        }

        return BotApiAnswer.Ok(messages) with { MessageId = firstId, PhotoCount = items.Count(item => item.Type == "photo"), Caption = items[0].Caption };
    }

    private static (string Type, string? Caption, BotApiFile? File) MediaGroupItem(JsonNode? item, BotApiParameters parameters)
    {
        var type = JsonText.Of(item?["type"]);
        if (type is not ("photo" or "document"))
        {
            throw new BotApiRequestException($"Bad Request: unsupported media type \"{type}\" in the media group");
        }

        var reference = JsonText.Of(item?["media"]) ?? throw new BotApiRequestException("Bad Request: media not specified");
        var caption = BotApiLimits.Caption(JsonText.Of(item?["caption"]), BotApiLimits.ParseMode(JsonText.Of(item?["parse_mode"])));
        var file = ResolveAttachment(reference, parameters);
        var maxBytes = type == "photo" ? BotApiLimits.MaxPhotoBytes : BotApiLimits.MaxDocumentBytes;
        if (file is not null && file.Length > maxBytes)
        {
            throw new BotApiRequestException("Bad Request: file is too big");
        }

        return (type, caption, file);
    }

    private static BotApiFile? ResolveAttachment(string reference, BotApiParameters parameters)
    {
        if (!reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return null; // a file_id or an HTTP URL: Telegram fetches it itself
        }

        var name = reference["attach://".Length..];
        return parameters.File(name) ?? throw new BotApiRequestException($"Bad Request: file \"{reference}\" was not found in the request");
    }

    private static BotApiAnswer AnswerCallbackQuery(BotApiParameters parameters)
    {
        if (string.IsNullOrEmpty(parameters.String("callback_query_id")))
        {
            return BotApiAnswer.Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }

        return parameters.String("text") is { Length: > BotApiLimits.MaxCallbackAnswerLength }
            ? BotApiAnswer.Error(400, "Bad Request: MESSAGE_TOO_LONG")
            : BotApiAnswer.Ok(true);
    }

    private static BotApiAnswer SetMyCommands(BotApiParameters parameters)
    {
        if (parameters.Json("commands") is not JsonArray commands || commands.Count > 100)
        {
            return BotApiAnswer.Error(400, "Bad Request: parameter \"commands\" must be an array of at most 100 commands");
        }

        foreach (var command in commands)
        {
            BotApiLimits.BotCommand(command);
        }

        return BotApiAnswer.Ok(true);
    }

    private BotApiAnswer DeleteMessage(BotApiParameters parameters)
    {
        var chatId = WritableChat(parameters);
        var messageId = parameters.Long("message_id") ?? throw new BotApiRequestException("Bad Request: message identifier is not specified");
        lock (_lock)
        {
            return _messages.Remove((chatId, messageId))
                ? BotApiAnswer.Ok(true) with { MessageId = messageId }
                : BotApiAnswer.Error(400, "Bad Request: message to delete not found");
        }
    }

    private long WritableChat(BotApiParameters parameters)
    {
        if (!parameters.Has("chat_id"))
        {
            throw new BotApiRequestException("Bad Request: chat_id is empty");
        }

        var chatId = parameters.Long("chat_id") ?? throw new BotApiRequestException("Bad Request: chat not found");
        lock (_lock)
        {
            return _blockedChats.Contains(chatId)
                ? throw new BotApiRequestException("Forbidden: bot was blocked by the user", 403)
                : chatId;
        }
    }

    private static BotApiFile? RequireFile(BotApiParameters parameters, string name, int maxBytes, string missing)
    {
        var file = parameters.File(name);
        if (file is null)
        {
            var reference = parameters.String(name);
            if (string.IsNullOrEmpty(reference))
            {
                throw new BotApiRequestException("Bad Request: " + missing);
            }

            file = ResolveAttachment(reference, parameters);
        }

        if (file is not null && file.Length > maxBytes)
        {
            throw new BotApiRequestException("Bad Request: file is too big");
        }

        if (file is { Length: 0 })
        {
            throw new BotApiRequestException("Bad Request: file must be non-empty");
        }

        return file;
    }

    private JsonObject NewMessage(long chatId, StoredMessage stored)
    {
        long messageId;
        lock (_lock)
        {
            messageId = _lastMessageIds.GetValueOrDefault(chatId) + 1;
            _lastMessageIds[chatId] = messageId;
            _messages[(chatId, messageId)] = stored;
        }

        return MessageJson(chatId, messageId);
    }

    private JsonObject MessageJson(long chatId, long messageId) => new()
    {
        ["message_id"] = messageId,
        ["from"] = BotUser,
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
        ["date"] = UnixNow(),
    };

    private JsonObject PhotoSize(BotApiFile? file)
    {
        var (width, height) = PngSize(file?.Content);
        return new JsonObject
        {
            ["file_id"] = NextFileId(),
            ["file_unique_id"] = NextFileId(),
            ["width"] = width,
            ["height"] = height,
            ["file_size"] = file?.Length,
        };
    }

    // PNG keeps width and height big-endian at bytes 16-23 (the IHDR chunk right after the signature).
    private static (int Width, int Height) PngSize(byte[]? content) =>
        content is { Length: >= 24 } && content[1] == (byte)'P' && content[2] == (byte)'N' && content[3] == (byte)'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(20)))
            : (0, 0);

    private string NextFileId() => "standin-" + Interlocked.Increment(ref _lastFileId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void SetCaption(JsonObject message, string? caption)
    {
        if (caption is not null)
        {
            message["caption"] = caption;
        }
    }

    private static void AttachMarkup(JsonObject message, JsonNode? markup)
    {
        if (markup is JsonObject { Count: > 0 } && markup["inline_keyboard"] is not null)
        {
            message["reply_markup"] = markup.DeepClone();
        }
    }

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private sealed record StoredMessage(string? Text, string? ReplyMarkup, string? Caption, byte[]? Photo = null);
}

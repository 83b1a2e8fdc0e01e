using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>
/// <see cref="ITelegramBotClient"/> over <see cref="TelegramApiTransport"/>: checks limits, then shapes each method's
/// body — JSON for plain calls, multipart/form-data for uploads. Stateless and thread-safe.
/// </summary>
internal sealed class TelegramBotClient(TelegramApiTransport transport) : ITelegramBotClient
{
    private static readonly TelegramJsonContext Json = TelegramJsonContext.Default;

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        transport.CallAsync(new ApiCall<User>("getMe", static () => null, Json.ApiResponseUser), cancellationToken);

    public Task<bool> SetWebhookAsync(
        string url,
        string? secretToken = null,
        IReadOnlyList<string>? allowedUpdates = null,
        bool dropPendingUpdates = false,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.WebhookUrl(url, nameof(url));
        RequestGuards.WebhookSecret(secretToken, nameof(secretToken));
        var body = new SetWebhookRequest(url, secretToken, allowedUpdates, dropPendingUpdates ? true : null);
        return transport.CallAsync(
            new ApiCall<bool>("setWebhook", () => JsonBody(body, Json.SetWebhookRequest), Json.ApiResponseBoolean),
            cancellationToken);
    }

    public Task<bool> DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default)
    {
        var body = new DeleteWebhookRequest(dropPendingUpdates ? true : null);
        return transport.CallAsync(
            new ApiCall<bool>("deleteWebhook", () => JsonBody(body, Json.DeleteWebhookRequest), Json.ApiResponseBoolean),
            cancellationToken);
    }

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken = default) =>
        transport.CallAsync(new ApiCall<WebhookInfo>("getWebhookInfo", static () => null, Json.ApiResponseWebhookInfo), cancellationToken);

    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? allowedUpdates = null,
        CancellationToken cancellationToken = default)
    {
        if (limit is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit.Value, 1, nameof(limit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit.Value, 100, nameof(limit));
        }

        var pollSeconds = (int)Math.Ceiling((timeout ?? TimeSpan.Zero).TotalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(pollSeconds, nameof(timeout));
        var body = new GetUpdatesRequest(offset, limit, pollSeconds, allowedUpdates);

        // The HTTP deadline is the long-poll time plus the ordinary request timeout, so a quiet poll is not a failure.
        return await transport.CallAsync(
            new ApiCall<Update[]>(
                "getUpdates", () => JsonBody(body, Json.GetUpdatesRequest), Json.ApiResponseUpdateArray,
                ExtraTimeout: TimeSpan.FromSeconds(pollSeconds)),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        bool disableLinkPreview = false,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Text(text, nameof(text));
        var body = new SendMessageRequest(chatId, text, ParseModeName(parseMode), replyMarkup, LinkPreview(disableLinkPreview));
        return transport.CallAsync(
            new ApiCall<Message>("sendMessage", () => JsonBody(body, Json.SendMessageRequest), Json.ApiResponseMessage, chatId, Paced: true),
            cancellationToken);
    }

    public Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        bool disableLinkPreview = false,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Text(text, nameof(text));
        var body = new EditMessageTextRequest(chatId, messageId, text, ParseModeName(parseMode), replyMarkup, LinkPreview(disableLinkPreview));
        return transport.CallAsync(
            new ApiCall<Message>("editMessageText", () => JsonBody(body, Json.EditMessageTextRequest), Json.ApiResponseMessage, chatId, Paced: true),
            cancellationToken);
    }

    public Task<bool> SendChatActionAsync(long chatId, ChatAction action, CancellationToken cancellationToken = default)
    {
        var body = new SendChatActionRequest(chatId, ChatActionName(action));
        return transport.CallAsync(
            new ApiCall<bool>("sendChatAction", () => JsonBody(body, Json.SendChatActionRequest), Json.ApiResponseBoolean, chatId),
            cancellationToken);
    }

    public Task<Message> SendPhotoAsync(
        long chatId,
        InputFile photo,
        string? caption = null,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Photo(photo, nameof(photo));
        RequestGuards.Caption(caption, nameof(caption));
        return transport.CallAsync(
            new ApiCall<Message>("sendPhoto", () => UploadBody(chatId, "photo", photo, caption, parseMode, replyMarkup), Json.ApiResponseMessage, chatId, Paced: true),
            cancellationToken);
    }

    public Task<Message> SendDocumentAsync(
        long chatId,
        InputFile document,
        string? caption = null,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Document(document, nameof(document));
        RequestGuards.Caption(caption, nameof(caption));
        return transport.CallAsync(
            new ApiCall<Message>("sendDocument", () => UploadBody(chatId, "document", document, caption, parseMode, replyMarkup), Json.ApiResponseMessage, chatId, Paced: true),
            cancellationToken);
    }

    public async Task<IReadOnlyList<Message>> SendMediaGroupAsync(
        long chatId,
        IReadOnlyList<InputMediaPhoto> media,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Album(media, nameof(media));
        var items = media.ToArray();
        return await transport.CallAsync(
            new ApiCall<Message[]>("sendMediaGroup", () => MediaGroupBody(chatId, items), Json.ApiResponseMessageArray, chatId, Paced: true),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text = null,
        bool showAlert = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callbackQueryId);
        RequestGuards.CallbackAnswer(text, nameof(text));
        var body = new AnswerCallbackQueryRequest(callbackQueryId, text, showAlert ? true : null);
        return transport.CallAsync(
            new ApiCall<bool>("answerCallbackQuery", () => JsonBody(body, Json.AnswerCallbackQueryRequest), Json.ApiResponseBoolean),
            cancellationToken);
    }

    public Task<bool> SetMyCommandsAsync(
        IReadOnlyList<BotCommand> commands,
        string? languageCode = null,
        CancellationToken cancellationToken = default)
    {
        RequestGuards.Commands(commands, nameof(commands));
        var body = new SetMyCommandsRequest(commands, languageCode);
        return transport.CallAsync(
            new ApiCall<bool>("setMyCommands", () => JsonBody(body, Json.SetMyCommandsRequest), Json.ApiResponseBoolean),
            cancellationToken);
    }

    public Task<bool> DeleteMessageAsync(long chatId, long messageId, CancellationToken cancellationToken = default)
    {
        var body = new DeleteMessageRequest(chatId, messageId);
        return transport.CallAsync(
            new ApiCall<bool>("deleteMessage", () => JsonBody(body, Json.DeleteMessageRequest), Json.ApiResponseBoolean, chatId),
            cancellationToken);
    }

    // Serialized up front (not streamed) so the request has a Content-Length rather than chunked encoding.
    private static ByteArrayContent JsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static MultipartFormDataContent UploadBody(
        long chatId, string fileField, InputFile file, string? caption, ParseMode parseMode, InlineKeyboardMarkup? replyMarkup) =>
        new MultipartBody()
            .Field("chat_id", chatId)
            .Field("caption", caption)
            .Field("parse_mode", caption is null ? null : ParseModeName(parseMode))
            .Field("reply_markup", replyMarkup is null ? null : JsonSerializer.Serialize(replyMarkup, Json.InlineKeyboardMarkup))
            .File(fileField, file)
            .Content;

    private static MultipartFormDataContent MediaGroupBody(long chatId, InputMediaPhoto[] items)
    {
        // Each photo travels as its own file part; the media array refers to the parts by name (attach://photoN).
        var wire = new InputMediaPhotoWire[items.Length];
        var body = new MultipartBody().Field("chat_id", chatId);
        for (var i = 0; i < items.Length; i++)
        {
            var partName = "photo" + i.ToString(CultureInfo.InvariantCulture);
            var caption = items[i].Caption;
            wire[i] = new InputMediaPhotoWire("photo", "attach://" + partName, caption, caption is null ? null : ParseModeName(items[i].ParseMode));
            body.File(partName, items[i].Photo);
        }

        return body.Field("media", JsonSerializer.Serialize(wire, Json.InputMediaPhotoWireArray)).Content;
    }

    private static LinkPreviewOptions? LinkPreview(bool disabled) => disabled ? new LinkPreviewOptions(IsDisabled: true) : null;

    private static string? ParseModeName(ParseMode parseMode) => parseMode switch
    {
        ParseMode.None => null,
        ParseMode.Html => "HTML",
        ParseMode.MarkdownV2 => "MarkdownV2",
        _ => throw new ArgumentOutOfRangeException(nameof(parseMode), parseMode, "Unknown parse mode."),
    };

    private static string ChatActionName(ChatAction action) => action switch
    {
        ChatAction.Typing => "typing",
        ChatAction.UploadPhoto => "upload_photo",
        ChatAction.UploadDocument => "upload_document",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown chat action."),
    };
}

using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram;

/// <summary>
/// The Telegram Bot API methods the service uses. Calls to a chat are paced (about one message per second per chat,
/// 30 per second overall); 429, 5xx and network errors are retried; limits are checked before anything is sent.
/// </summary>
/// <remarks>
/// Failures: <see cref="ArgumentException"/> for input Telegram would reject (text too long, album of one…),
/// <see cref="TelegramUserBlockedException"/> when the user blocked the bot (never retried),
/// <see cref="TelegramApiException"/> for other refusals, <see cref="HttpRequestException"/> or
/// <see cref="TimeoutException"/> when Telegram could not be reached after all attempts.
/// </remarks>
public interface ITelegramBotClient
{
    /// <summary>getMe: the bot's own user; a cheap way to check the token.</summary>
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>setWebhook: Telegram will post updates to <paramref name="url"/> with <paramref name="secretToken"/> in the X-Telegram-Bot-Api-Secret-Token header.</summary>
    Task<bool> SetWebhookAsync(
        string url,
        string? secretToken = null,
        IReadOnlyList<string>? allowedUpdates = null,
        bool dropPendingUpdates = false,
        CancellationToken cancellationToken = default);

    /// <summary>deleteWebhook: switch back to getUpdates.</summary>
    Task<bool> DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default);

    /// <summary>getWebhookInfo: the webhook currently set, if any.</summary>
    Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// getUpdates: long polling. Waits up to <paramref name="timeout"/> for updates; passing
    /// <paramref name="offset"/> = last update_id + 1 confirms everything before it.
    /// </summary>
    Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? allowedUpdates = null,
        CancellationToken cancellationToken = default);

    /// <summary>sendMessage: a text of at most 4,096 characters (split longer text with <c>TelegramText.Split</c>).</summary>
    Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        bool disableLinkPreview = false,
        CancellationToken cancellationToken = default);

    /// <summary>editMessageText: replaces the text (and keyboard) of a message the bot sent.</summary>
    Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        bool disableLinkPreview = false,
        CancellationToken cancellationToken = default);

    /// <summary>sendChatAction: shows "typing…" or "sending photo…" for about five seconds. Not paced.</summary>
    Task<bool> SendChatActionAsync(long chatId, ChatAction action, CancellationToken cancellationToken = default);

    /// <summary>sendPhoto: uploads one photo (at most 10 MB) with an optional caption of at most 1,024 characters.</summary>
    Task<Message> SendPhotoAsync(
        long chatId,
        InputFile photo,
        string? caption = null,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default);

    /// <summary>sendDocument: uploads one file (at most 50 MB) with its file name.</summary>
    Task<Message> SendDocumentAsync(
        long chatId,
        InputFile document,
        string? caption = null,
        ParseMode parseMode = ParseMode.None,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default);

    /// <summary>sendMediaGroup: an album of 2–10 photos uploaded in one call (plan albums with <c>MediaAlbums.Split</c>).</summary>
    Task<IReadOnlyList<Message>> SendMediaGroupAsync(
        long chatId,
        IReadOnlyList<InputMediaPhoto> media,
        CancellationToken cancellationToken = default);

    /// <summary>answerCallbackQuery: stops the button's spinner, optionally with a notification of at most 200 characters.</summary>
    Task<bool> AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text = null,
        bool showAlert = false,
        CancellationToken cancellationToken = default);

    /// <summary>setMyCommands: the command menu, optionally for one language.</summary>
    Task<bool> SetMyCommandsAsync(
        IReadOnlyList<BotCommand> commands,
        string? languageCode = null,
        CancellationToken cancellationToken = default);

    /// <summary>deleteMessage: removes a message (bots may delete their own messages for 48 hours).</summary>
    Task<bool> DeleteMessageAsync(long chatId, long messageId, CancellationToken cancellationToken = default);
}

using VibeCoder.Telegram.Types;

// The JSON bodies of the Bot API methods; names become snake_case through TelegramJsonContext, nulls are left out.
namespace VibeCoder.Telegram.Client;

internal sealed record SetWebhookRequest(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, bool? DropPendingUpdates);

internal sealed record DeleteWebhookRequest(bool? DropPendingUpdates);

internal sealed record GetUpdatesRequest(long? Offset, int? Limit, int? Timeout, IReadOnlyList<string>? AllowedUpdates);

internal sealed record LinkPreviewOptions(bool IsDisabled);

internal sealed record SendMessageRequest(
    long ChatId, string Text, string? ParseMode, InlineKeyboardMarkup? ReplyMarkup, LinkPreviewOptions? LinkPreviewOptions);

internal sealed record EditMessageTextRequest(
    long ChatId, long MessageId, string Text, string? ParseMode, InlineKeyboardMarkup? ReplyMarkup, LinkPreviewOptions? LinkPreviewOptions);

internal sealed record SendChatActionRequest(long ChatId, string Action);

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text, bool? ShowAlert);

internal sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, string? LanguageCode);

internal sealed record DeleteMessageRequest(long ChatId, long MessageId);

/// <summary>One album item on the wire: <c>media</c> is <c>attach://&lt;part name&gt;</c> of an uploaded file part.</summary>
internal sealed record InputMediaPhotoWire(string Type, string Media, string? Caption, string? ParseMode);

using System.Text.Json.Serialization;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>Source-generated JSON metadata for every type the client sends or reads; Bot API names are snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(ApiResponse<User>))]
[JsonSerializable(typeof(ApiResponse<bool>))]
[JsonSerializable(typeof(ApiResponse<Message>))]
[JsonSerializable(typeof(ApiResponse<Message[]>))]
[JsonSerializable(typeof(ApiResponse<Update[]>))]
[JsonSerializable(typeof(ApiResponse<WebhookInfo>))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageTextRequest))]
[JsonSerializable(typeof(SendChatActionRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(SetMyCommandsRequest))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(InlineKeyboardMarkup))]
[JsonSerializable(typeof(InputMediaPhotoWire[]))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;

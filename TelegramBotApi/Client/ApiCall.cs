using System.Text.Json.Serialization.Metadata;

namespace VibeCoder.Telegram.Client;

/// <summary>Everything the transport needs for one Bot API call.</summary>
/// <param name="Method">Bot API method name, e.g. <c>sendMessage</c>.</param>
/// <param name="CreateContent">Builds a fresh request body per attempt (a sent body cannot be reused); null for none.</param>
/// <param name="ResponseType">Metadata for the envelope of the method's result.</param>
/// <param name="ChatId">The chat the call writes to, if any; reported in <see cref="TelegramUserBlockedException"/>.</param>
/// <param name="Paced">True for calls that produce a message and so count against Telegram's flood limits.</param>
/// <param name="ExtraTimeout">Added to the request timeout, e.g. getUpdates' long-poll timeout.</param>
internal readonly record struct ApiCall<T>(
    string Method,
    Func<HttpContent?> CreateContent,
    JsonTypeInfo<ApiResponse<T>> ResponseType,
    long? ChatId = null,
    bool Paced = false,
    TimeSpan ExtraTimeout = default);

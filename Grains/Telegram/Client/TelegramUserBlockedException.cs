using Telegram.Bot.Exceptions;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Telegram refused with 403 because the user blocked the bot, deleted their account, or removed the bot from the
/// chat. Never retried: mark the user inactive and stop sending to the chat.
/// </summary>
internal sealed class TelegramUserBlockedException : ApiRequestException
{
    /// <summary>Creates the exception for a call of <paramref name="method"/> to <paramref name="chatId"/>.</summary>
    public TelegramUserBlockedException(string method, long? chatId, string description, Exception inner)
        : base(description, 403, inner)
    {
        Method = method;
        ChatId = chatId;
    }

    /// <summary>The Bot API method that was refused.</summary>
    public string Method { get; }

    /// <summary>The chat that can no longer be written to, when the call had one.</summary>
    public long? ChatId { get; }

    /// <summary>True when a 403 description means the chat is gone for good rather than a transient refusal.</summary>
    public static bool IsBlockedDescription(string description) =>
        description.Contains("bot was blocked by the user", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot was kicked", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot can't initiate conversation", StringComparison.OrdinalIgnoreCase);
}

namespace VibeCoder.Telegram;

/// <summary>
/// Telegram refused with 403 because the user blocked the bot, deleted their account, or removed the bot from the
/// chat. Never retried: mark the user inactive and stop sending to the chat.
/// </summary>
public sealed class TelegramUserBlockedException : TelegramApiException
{
    /// <summary>Creates the exception for a call of <paramref name="method"/> to <paramref name="chatId"/>.</summary>
    public TelegramUserBlockedException(string method, long? chatId, string description)
        : base(method, 403, description)
    {
        ChatId = chatId;
    }

    /// <summary>The chat that can no longer be written to, when the call had one.</summary>
    public long? ChatId { get; }

    /// <summary>True when a 403 description means the chat is gone for good rather than a transient refusal.</summary>
    internal static bool IsBlockedDescription(string description) =>
        description.Contains("bot was blocked by the user", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot was kicked", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot can't initiate conversation", StringComparison.OrdinalIgnoreCase);
}

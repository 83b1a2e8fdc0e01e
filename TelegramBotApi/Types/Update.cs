namespace VibeCoder.Telegram.Types;

/// <summary>An incoming update (Bot API <c>Update</c>). At most one of the optional payloads is set.</summary>
public sealed record Update
{
    /// <summary>The update's unique, increasing identifier; getUpdates confirms everything below an offset.</summary>
    public required long UpdateId { get; init; }

    /// <summary>A new incoming message of any kind: text, photo, sticker…</summary>
    public Message? Message { get; init; }

    /// <summary>A new version of a message the bot already knows about.</summary>
    public Message? EditedMessage { get; init; }

    /// <summary>A press on an inline keyboard button.</summary>
    public CallbackQuery? CallbackQuery { get; init; }

    /// <summary>The bot's own membership changed in a chat (e.g. the user blocked or unblocked it).</summary>
    public ChatMemberUpdated? MyChatMember { get; init; }
}

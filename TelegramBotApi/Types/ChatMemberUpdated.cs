namespace VibeCoder.Telegram.Types;

/// <summary>A change of a chat member's status (Bot API <c>ChatMemberUpdated</c>), e.g. the user blocked the bot.</summary>
public sealed record ChatMemberUpdated
{
    /// <summary>The chat the change happened in.</summary>
    public required Chat Chat { get; init; }

    /// <summary>Who made the change.</summary>
    public required User From { get; init; }

    /// <summary>When, Unix seconds.</summary>
    public long Date { get; init; }

    /// <summary>Membership before the change.</summary>
    public ChatMember? OldChatMember { get; init; }

    /// <summary>Membership after the change; status <c>kicked</c> in a private chat means the user blocked the bot.</summary>
    public ChatMember? NewChatMember { get; init; }
}

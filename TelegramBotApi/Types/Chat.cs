namespace VibeCoder.Telegram.Types;

/// <summary>A chat (Bot API <c>Chat</c>).</summary>
public sealed record Chat
{
    /// <summary>Unique identifier: positive for private chats, negative for groups and channels.</summary>
    public required long Id { get; init; }

    /// <summary>One of <c>private</c>, <c>group</c>, <c>supergroup</c>, <c>channel</c>.</summary>
    public string Type { get; init; } = "private";

    /// <summary>Title of groups and channels.</summary>
    public string? Title { get; init; }

    /// <summary>Username of private chats and public groups/channels.</summary>
    public string? Username { get; init; }
}

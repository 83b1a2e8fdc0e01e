namespace VibeCoder.Telegram.Types;

/// <summary>A chat member (Bot API <c>ChatMember</c>), reduced to status and user.</summary>
public sealed record ChatMember
{
    /// <summary>One of <c>creator</c>, <c>administrator</c>, <c>member</c>, <c>restricted</c>, <c>left</c>, <c>kicked</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>The member.</summary>
    public User? User { get; init; }
}

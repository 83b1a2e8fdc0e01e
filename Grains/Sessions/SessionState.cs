using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Sessions;

/// <summary>The persisted state of a <see cref="SessionGrain"/>.</summary>
public sealed record SessionState
{
    /// <summary>The user who wrote last (in a private chat: the only one).</summary>
    public string? UserId { get; init; }

    /// <summary>What the bot waits for the user to type.</summary>
    public SessionAwaiting Awaiting { get; init; }

    /// <summary>The carousel started last from this chat (it may have finished since).</summary>
    public string? ActiveJobId { get; init; }

    /// <summary>
    /// A photo the user sent for their next carousel (stored by <c>IBackgroundPhotoGrain</c>), with its focal point and
    /// "all slides" switch; the next carousel started from this chat takes it, then it is cleared. Null: none.
    /// </summary>
    public SlideBackground? PendingBackground { get; init; }

    /// <summary>The latest handled update ids, ascending, at most <c>TelegramBotOptions.RememberedUpdateIds</c>.</summary>
    public IReadOnlyList<long> RecentUpdateIds { get; init; } = [];

    /// <summary>Updates handled (repeats not counted).</summary>
    public long HandledUpdates { get; init; }

    /// <summary>First update; null for a session never used.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Latest update.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }
}

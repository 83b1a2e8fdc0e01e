using VibeCoder.Grains.Carousels;
using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Sessions;

/// <summary>A chat's session at one moment.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="UserId">The user who wrote last, when any did.</param>
/// <param name="Awaiting">What the bot waits for the user to type.</param>
/// <param name="ActiveJobId">The carousel started last from this chat (it may have finished since).</param>
/// <param name="HandledUpdates">How many updates were handled (duplicates not counted).</param>
/// <param name="LastUpdateId">The newest update_id handled.</param>
/// <param name="CreatedAt">When the chat first wrote, or null for a chat never seen.</param>
/// <param name="PendingBackground">The photo waiting to be the next carousel's background, or null.</param>
[GenerateSerializer, Immutable, Alias("vc.SessionSnapshot")]
public sealed record SessionSnapshot(
    string ChatId,
    string? UserId,
    SessionAwaiting Awaiting,
    string? ActiveJobId,
    long HandledUpdates,
    long? LastUpdateId,
    DateTimeOffset? CreatedAt,
    SlideBackground? PendingBackground = null);

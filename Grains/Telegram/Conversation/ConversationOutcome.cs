using VibeCoder.Grains.Sessions;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>What handling one update did, for the session grain to store and announce.</summary>
/// <param name="Session">The session after the update.</param>
/// <param name="Kind">The kind of update (message, command, callback, sticker, photo, edited, member, other).</param>
/// <param name="UserId">Who sent it, when known.</param>
/// <param name="Command">The command executed, if any.</param>
/// <param name="Interaction">The button action taken, if any.</param>
/// <param name="Text">The message text (or caption), if any.</param>
internal sealed record ConversationOutcome(SessionState Session, string Kind, string? UserId, string? Command, string? Interaction, string? Text);

namespace VibeCoder.Telegram.Types;

/// <summary>A message (Bot API <c>Message</c>), reduced to the fields the bot reads.</summary>
/// <remarks>
/// Tell kinds apart by which payload is set: <see cref="Text"/> for text, <see cref="Photo"/> for photos,
/// <see cref="Sticker"/> for stickers, <see cref="Document"/> for files.
/// </remarks>
public sealed record Message
{
    /// <summary>Identifier unique inside its chat.</summary>
    public required long MessageId { get; init; }

    /// <summary>The sender; empty for messages sent on behalf of channels.</summary>
    public User? From { get; init; }

    /// <summary>The chat the message belongs to.</summary>
    public required Chat Chat { get; init; }

    /// <summary>When the message was sent, Unix seconds (0 for inaccessible messages).</summary>
    public long Date { get; init; }

    /// <summary>Text of a text message (up to 4,096 characters).</summary>
    public string? Text { get; init; }

    /// <summary>Caption of a photo or document.</summary>
    public string? Caption { get; init; }

    /// <summary>Special entities in <see cref="Text"/>: commands, links, mentions…</summary>
    public IReadOnlyList<MessageEntity>? Entities { get; init; }

    /// <summary>The sizes of a photo, smallest first.</summary>
    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    /// <summary>The sticker of a sticker message.</summary>
    public Sticker? Sticker { get; init; }

    /// <summary>The file of a document message.</summary>
    public Document? Document { get; init; }

    /// <summary>Identifier of the album this message belongs to.</summary>
    public string? MediaGroupId { get; init; }
}

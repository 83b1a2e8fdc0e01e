namespace VibeCoder.Telegram.Types;

/// <summary>One size of a photo (Bot API <c>PhotoSize</c>).</summary>
public sealed record PhotoSize
{
    /// <summary>Identifier to download or resend the file.</summary>
    public string FileId { get; init; } = "";

    /// <summary>Identifier stable over time and across bots; cannot be used to download.</summary>
    public string FileUniqueId { get; init; } = "";

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>Size in bytes, when known.</summary>
    public long? FileSize { get; init; }
}

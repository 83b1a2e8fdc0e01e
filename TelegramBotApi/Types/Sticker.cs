namespace VibeCoder.Telegram.Types;

/// <summary>A sticker (Bot API <c>Sticker</c>), reduced to what tells it apart.</summary>
public sealed record Sticker
{
    /// <summary>Identifier to download or resend the file.</summary>
    public string FileId { get; init; } = "";

    /// <summary>Identifier stable over time and across bots.</summary>
    public string FileUniqueId { get; init; } = "";

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>True for animated stickers.</summary>
    public bool IsAnimated { get; init; }

    /// <summary>True for video stickers.</summary>
    public bool IsVideo { get; init; }

    /// <summary>The emoji the sticker stands for.</summary>
    public string? Emoji { get; init; }
}

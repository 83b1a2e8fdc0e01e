namespace VibeCoder.Telegram.Types;

/// <summary>A special entity in a text (Bot API <c>MessageEntity</c>).</summary>
public sealed record MessageEntity
{
    /// <summary>Kind, e.g. <c>bot_command</c>, <c>url</c>, <c>mention</c>, <c>bold</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>Offset in UTF-16 code units.</summary>
    public int Offset { get; init; }

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length { get; init; }

    /// <summary>For <c>text_link</c>: the URL.</summary>
    public string? Url { get; init; }
}

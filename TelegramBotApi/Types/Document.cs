namespace VibeCoder.Telegram.Types;

/// <summary>A general file (Bot API <c>Document</c>).</summary>
public sealed record Document
{
    /// <summary>Identifier to download or resend the file.</summary>
    public string FileId { get; init; } = "";

    /// <summary>Identifier stable over time and across bots.</summary>
    public string FileUniqueId { get; init; } = "";

    /// <summary>Original file name as the sender named it.</summary>
    public string? FileName { get; init; }

    /// <summary>MIME type as the sender gave it.</summary>
    public string? MimeType { get; init; }

    /// <summary>Size in bytes, when known.</summary>
    public long? FileSize { get; init; }
}

namespace VibeCoder.Telegram.Types;

/// <summary>A file to upload: its bytes and the name Telegram shows.</summary>
/// <param name="FileName">File name including extension, e.g. <c>slide-1.png</c>.</param>
/// <param name="Content">The bytes; size limits are checked before upload.</param>
/// <param name="ContentType">MIME type of the part; <c>application/octet-stream</c> when not given.</param>
public sealed record InputFile(string FileName, ReadOnlyMemory<byte> Content, string? ContentType = null);

namespace VibeCoder.TestServers.Telegram;

/// <summary>A file part uploaded to the stand-in.</summary>
/// <param name="FieldName">The multipart field name (e.g. <c>photo</c>, or the name an attach:// reference uses).</param>
/// <param name="FileName">The file name from the part's Content-Disposition.</param>
/// <param name="ContentType">The part's Content-Type.</param>
/// <param name="Content">The uploaded bytes.</param>
public sealed record BotApiFile(string FieldName, string FileName, string ContentType, byte[] Content)
{
    /// <summary>Size in bytes.</summary>
    public long Length => Content.LongLength;
}

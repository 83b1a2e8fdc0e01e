namespace VibeCoder.Telegram.Types;

/// <summary>How Telegram formats text and captions.</summary>
public enum ParseMode
{
    /// <summary>Plain text; nothing is interpreted.</summary>
    None,

    /// <summary>Telegram's HTML subset (<c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;a href&gt;</c>…); escape &lt; &gt; &amp;.</summary>
    Html,

    /// <summary>MarkdownV2; many characters must be escaped.</summary>
    MarkdownV2,
}

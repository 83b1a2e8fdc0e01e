using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Limits;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// The caption a carousel's first photo carries: the caption and hashtags together when they fit in Telegram's 1,024
/// characters, else none (they then go as their own messages). Shared by the first send and by edits of that photo,
/// since <c>editMessageMedia</c> replaces the caption along with the picture.
/// </summary>
internal static class AlbumCaption
{
    /// <summary>The caption and the hashtags as one text (plain, not escaped).</summary>
    public static string WithHashtags(CarouselContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hashtags = Hashtags(content);
        return hashtags.Length == 0 ? content.Caption.Trim() : $"{content.Caption.Trim()}\n\n{hashtags}";
    }

    /// <summary>The hashtags separated by spaces.</summary>
    public static string Hashtags(CarouselContent content) => string.Join(' ', content.Hashtags);

    /// <summary>True when caption and hashtags fit on the first photo.</summary>
    public static bool FitsOnPhoto(CarouselContent content) => WithHashtags(content).Length <= TelegramLimits.MaxCaptionLength;

    /// <summary>
    /// The first photo's caption as HTML (escaped, so &lt; or &amp; arrive as written; Telegram counts the length after
    /// parsing, which is what <see cref="FitsOnPhoto"/> checks), or null when it goes separately or is empty.
    /// </summary>
    public static string? ForFirstPhoto(CarouselContent content)
    {
        var text = WithHashtags(content);
        return FitsOnPhoto(content) && text.Length > 0 ? TelegramHtml.Escape(text) : null;
    }
}

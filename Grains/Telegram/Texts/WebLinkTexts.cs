namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>What the bot says for /web (a signed link to edit a carousel on the page), in one language. Plain text.</summary>
internal abstract class WebLinkTexts
{
    private static readonly WebLinkTexts English = new EnglishWebLinkTexts();
    private static readonly WebLinkTexts Russian = new RussianWebLinkTexts();

    /// <summary>The texts in <paramref name="language"/> ("ru" or anything else for English).</summary>
    public static WebLinkTexts For(string? language) => language == "ru" ? Russian : English;

    /// <summary>The link, what it allows and how long it works (<paramref name="hours"/>; until <paramref name="expiresAt"/>, UTC).</summary>
    public abstract string Link(string title, Uri url, int hours, DateTimeOffset expiresAt);

    /// <summary>No finished carousel to edit.</summary>
    public abstract string NoCarousel { get; }

    /// <summary>The number after /web names no carousel of /history.</summary>
    public abstract string NoSuchNumber(int count);

    /// <summary>The chosen carousel is not finished.</summary>
    public abstract string NotFinished { get; }
}

using System.Globalization;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>/web in English.</summary>
internal sealed class EnglishWebLinkTexts : WebLinkTexts
{
    public override string Link(string title, Uri url, int hours, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"""
        ✏️ Edit “{title}” in your browser: click a slide's text to change it, drag slides to reorder, then download the new ZIP or PDF.

        {url}

        The link works for {hours} hours (until {expiresAt:yyyy-MM-dd HH:mm} UTC). Anyone who has it can edit this carousel, so keep it to yourself. Send /web again for a fresh one.
        """);

    public override string NoCarousel => "You have no finished carousel to edit yet. Send a topic to make one!";

    public override string NoSuchNumber(int count) =>
        count == 0 ? NoCarousel : string.Create(CultureInfo.InvariantCulture, $"Choose a number from /history, 1–{count}: e.g. /web 1 for the newest.");

    public override string NotFinished => "That carousel is not finished yet; you can edit it once it is ready.";
}

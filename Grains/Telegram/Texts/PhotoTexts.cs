namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>What the bot says about a background photo of the user's own, in one language. Plain text, like every bot text.</summary>
internal abstract class PhotoTexts
{
    private static readonly PhotoTexts English = new EnglishPhotoTexts();
    private static readonly PhotoTexts Russian = new RussianPhotoTexts();

    /// <summary>The texts for a bot language ("ru" or anything else for English).</summary>
    public static PhotoTexts For(string? language) => language == "ru" ? Russian : English;

    /// <summary>The message above the focal-point keyboard: what the photo will do and how it is placed now.</summary>
    public abstract string Saved(int column, int row, bool allSlides);

    /// <summary>Said before a carousel starts from a photo whose caption is the topic.</summary>
    public abstract string UsedWithCaption { get; }

    /// <summary>The name of a cell of the 3×3 grid (column, row 0–2 from the top left).</summary>
    public abstract string CellName(int column, int row);

    /// <summary>The "use for all slides" switch.</summary>
    public abstract string ButtonAllSlides(bool on);

    public abstract string ButtonRemove { get; }

    public abstract string Removed { get; }

    /// <summary>A button under a photo that is no longer waiting for a topic (used or replaced).</summary>
    public abstract string NoLongerPending { get; }

    /// <summary>The button answer after a change.</summary>
    public abstract string Updated { get; }

    /// <summary>Telegram would not give the file (an id it no longer knows).</summary>
    public abstract string CouldNotDownload { get; }

    public abstract string NotAnImage { get; }

    public abstract string Svg { get; }

    public abstract string TooBig(int maxMegabytes);

    public abstract string TooManyPixels(int width, int height, int maxSide);
}

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The English photo texts.</summary>
internal sealed class EnglishPhotoTexts : PhotoTexts
{
    private static readonly string[][] Cells =
    [
        ["top left", "top", "top right"],
        ["left", "centre", "right"],
        ["bottom left", "bottom", "bottom right"],
    ];

    public override string Saved(int column, int row, bool allSlides) => $"""
        📷 Photo saved: it will be the background of your next carousel, darkened a little so the text stays readable.

        Keep in view: {CellName(column, row)}
        Shown on: {(allSlides ? "every slide" : "the cover")}

        Pick the part of the photo that matters with the arrows, then send me the topic.
        """;

    public override string UsedWithCaption => "📷 Your photo will be the cover background (centred). Next time, send the photo without a caption to pick the part to keep in view.";

    public override string CellName(int column, int row) => Cells[row][column];

    public override string ButtonAllSlides(bool on) => (on ? "✅" : "▫️") + " Use for all slides";

    public override string ButtonRemove => "🗑 Remove photo";

    public override string Removed => "Photo removed: the next carousel gets its usual background.";

    public override string NoLongerPending => "That photo was already used. Send a new one.";

    public override string Updated => "✅ Saved";

    public override string CouldNotDownload => "I couldn't download that picture from Telegram. Please send it again.";

    public override string NotAnImage => "I couldn't read that as an image. Please send a photo, or a PNG or JPEG file.";

    public override string Svg => "SVG files aren't supported as a background. Please export the picture as PNG or JPEG and send that.";

    public override string TooBig(int maxMegabytes) => $"That file is larger than {maxMegabytes} MB, which is more than I can download. Please send a smaller image.";

    public override string TooManyPixels(int width, int height, int maxSide) =>
        $"That image is {width}×{height} pixels — too large for a background. Please send one no larger than {maxSide}×{maxSide}.";
}

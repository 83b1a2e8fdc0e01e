namespace VibeCoder.Rendering;

/// <summary>One rendered slide: the PNG and what the renderer knows about the text it drew.</summary>
/// <param name="Png">The encoded PNG image.</param>
/// <param name="Width">The image width in pixels.</param>
/// <param name="Height">The image height in pixels.</param>
/// <param name="UnknownGlyphs">
/// Glyphs drawn as "missing" boxes. The renderer removes characters no installed font can draw before it draws,
/// so this is 0 unless something went wrong.
/// </param>
/// <param name="StrippedCharacters">Characters (usually emoji without an emoji font) removed because no font has them.</param>
/// <param name="SafeArea">The area all text must stay inside (the slide minus its safe margins).</param>
/// <param name="TextBounds">The union of the ink and logical rectangles of every piece of text drawn.</param>
/// <param name="TextBlocks">The ink ∪ logical rectangle of each piece of text drawn, in drawing order.</param>
public sealed record RenderedSlide(
    byte[] Png,
    int Width,
    int Height,
    int UnknownGlyphs,
    int StrippedCharacters,
    PixelRect SafeArea,
    PixelRect TextBounds,
    IReadOnlyList<PixelRect> TextBlocks);

using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace VibeCoder.Rendering.Fonts;

/// <summary>
/// One typeface as the renderer uses it: its HarfBuzz shaper (one per typeface, shared by every thread — shaping
/// only reads the HarfBuzz font; each call brings its own buffer), the synthetic bold or oblique it needs, and its
/// metrics at <see cref="ReferenceSize"/>. Immutable after construction, so thread-safe.
/// </summary>
internal sealed class FontFace
{
    /// <summary>
    /// The size text is shaped and measured at. Unhinted outlines scale linearly, so a block shaped once at this size
    /// is measured at any other size by scaling; auto-fit never shapes twice.
    /// </summary>
    public const float ReferenceSize = 64;

    // Coverage lookups only: the font is never drawn with or changed after construction.
    private readonly SKFont _lookup;

    public FontFace(SKTypeface typeface, bool embolden, bool oblique, bool isEmoji)
    {
        Typeface = typeface;
        Embolden = embolden;
        Oblique = oblique;
        IsEmoji = isEmoji;
        Shaper = new SKShaper(typeface);
        _lookup = CreateFont(ReferenceSize);
        SKFontMetrics metrics = _lookup.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    public SKTypeface Typeface { get; }

    public SKShaper Shaper { get; }

    /// <summary>Drawn with synthetic bold: a bold weight was asked for and the family has none.</summary>
    public bool Embolden { get; }

    /// <summary>Drawn slanted: italic was asked for and the family has no italic face.</summary>
    public bool Oblique { get; }

    /// <summary>The colour emoji face (never emboldened or slanted).</summary>
    public bool IsEmoji { get; }

    /// <summary>Distance from the baseline up to the top of a line at <see cref="ReferenceSize"/>, positive.</summary>
    public float Ascent { get; }

    /// <summary>Distance from the baseline down to the bottom of a line at <see cref="ReferenceSize"/>, positive.</summary>
    public float Descent { get; }

    public string FamilyName => Typeface.FamilyName;

    /// <summary>True when the typeface has a glyph for the code point.</summary>
    public bool Has(int codePoint) => _lookup.ContainsGlyph(codePoint);

    /// <summary>
    /// A font for this face at a size. Unhinted, subpixel-positioned, linear metrics and greyscale antialiasing:
    /// the same glyph shapes and advances at every size and on raster and PDF alike.
    /// </summary>
    public SKFont CreateFont(float size) => new(Typeface, size)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
        Edging = SKFontEdging.Antialias,
        Embolden = Embolden,
        SkewX = Oblique ? -0.2f : 0,
    };

    public override string ToString() => $"{FamilyName} {Typeface.FontStyle.Weight}{(Embolden ? " +bold" : string.Empty)}{(Oblique ? " +oblique" : string.Empty)}";
}

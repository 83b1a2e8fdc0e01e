namespace VibeCoder.Rendering.Fonts;

/// <summary>A requested font: family list, weight, italic and condensed; the key fonts are cached under.</summary>
internal readonly record struct FontStyleKey(string Families, int Weight, bool Italic, bool Condensed)
{
    public SkiaSharp.SKFontStyle ToSkia() => new(
        Weight,
        Condensed ? (int)SkiaSharp.SKFontStyleWidth.Condensed : (int)SkiaSharp.SKFontStyleWidth.Normal,
        Italic ? SkiaSharp.SKFontStyleSlant.Italic : SkiaSharp.SKFontStyleSlant.Upright);
}

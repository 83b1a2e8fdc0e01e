namespace VibeCoder.Rendering.Text;

/// <summary>How a block of text is set and how far auto-fit may shrink it.</summary>
/// <param name="Family">Font family list in fallback order, e.g. "DejaVu Sans, sans-serif" (see <see cref="Fonts.FontCatalog"/>).</param>
/// <param name="Weight">CSS-like weight: 400 regular, 700 bold.</param>
/// <param name="MaxSize">The size in pixels used when the text fits.</param>
/// <param name="MinSize">The smallest size auto-fit may use before it truncates with an ellipsis.</param>
/// <param name="LineSpacing">Distance between baselines as a multiple of the font height (0 = the font's own height).</param>
/// <param name="Alignment">Where the lines sit in the box.</param>
/// <param name="MaxLines">The most lines shown; more is truncated with an ellipsis.</param>
/// <param name="Italic">Italic (or a synthesised oblique when the family has no italic face).</param>
/// <param name="Condensed">Prefer a condensed face when the family has one.</param>
internal readonly record struct TextStyle(
    string Family,
    int Weight,
    double MaxSize,
    double MinSize,
    float LineSpacing = 0,
    TextAlignment Alignment = TextAlignment.Left,
    int MaxLines = int.MaxValue,
    bool Italic = false,
    bool Condensed = false);

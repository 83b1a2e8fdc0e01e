using VibeCoder.Rendering.Fonts;

namespace VibeCoder.Rendering.Text;

/// <summary>A stretch of text in one face and one direction, and where its glyphs are in <see cref="ShapedText"/>.</summary>
/// <param name="Face">The face that draws it.</param>
/// <param name="Start">First UTF-16 index of the run in the text.</param>
/// <param name="End">UTF-16 index after the run.</param>
/// <param name="GlyphStart">Index of the run's first glyph.</param>
/// <param name="GlyphCount">How many glyphs the run has; they are in visual (left-to-right) order.</param>
/// <param name="RightToLeft">True for Hebrew, Arabic and other right-to-left scripts.</param>
internal readonly record struct ShapedRun(FontFace Face, int Start, int End, int GlyphStart, int GlyphCount, bool RightToLeft);

namespace VibeCoder.Rendering.Text;

/// <summary>One line of a <see cref="ShapedText"/>: the UTF-16 range it shows (trailing spaces excluded) and its advance.</summary>
/// <param name="Start">First UTF-16 index.</param>
/// <param name="End">Index after the last character drawn.</param>
/// <param name="Width">The advance at <see cref="Fonts.FontFace.ReferenceSize"/>.</param>
internal readonly record struct TextLine(int Start, int End, float Width);

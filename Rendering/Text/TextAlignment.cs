namespace VibeCoder.Rendering.Text;

/// <summary>How the lines of a text block sit inside its box.</summary>
internal enum TextAlignment
{
    /// <summary>Lines start at the left edge of the box.</summary>
    Left,

    /// <summary>Lines are centred in the box.</summary>
    Center,

    /// <summary>Lines end at the right edge of the box.</summary>
    Right,
}

namespace VibeCoder.Rendering;

/// <summary>An axis-aligned rectangle in whole pixels; <see cref="Right"/> and <see cref="Bottom"/> are exclusive.</summary>
/// <param name="X">The left edge.</param>
/// <param name="Y">The top edge.</param>
/// <param name="Width">The width, never negative.</param>
/// <param name="Height">The height, never negative.</param>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>The first column to the right of the rectangle.</summary>
    public int Right => X + Width;

    /// <summary>The first row below the rectangle.</summary>
    public int Bottom => Y + Height;

    /// <summary>True when the rectangle covers no pixel.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>True when <paramref name="other"/> lies entirely inside this rectangle (an empty one always does).</summary>
    public bool Contains(PixelRect other) =>
        other.IsEmpty || (other.X >= X && other.Y >= Y && other.Right <= Right && other.Bottom <= Bottom);

    /// <summary>The smallest rectangle covering both; an empty operand is ignored.</summary>
    public PixelRect Union(PixelRect other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        int left = Math.Min(X, other.X);
        int top = Math.Min(Y, other.Y);
        return new PixelRect(left, top, Math.Max(Right, other.Right) - left, Math.Max(Bottom, other.Bottom) - top);
    }
}

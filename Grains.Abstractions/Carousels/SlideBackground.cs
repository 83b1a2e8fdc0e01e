using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// A photo of the user's own drawn behind a carousel's slides: cover-cropped around a focal point and darkened by an
/// overlay so the text on it stays readable. Travels inside <see cref="RenderOptions"/>, so the job's stored request
/// names it and any silo can draw the carousel again after a restart.
/// </summary>
/// <param name="ImageHash">The lower-case SHA-256 hex of the JPEG stored by <c>IBackgroundPhotoGrain</c>.</param>
/// <param name="FocusX">
/// Where the crop centres, from 0 (left edge) to 1 (right edge); the crop is moved only as far as the photo reaches.
/// </param>
/// <param name="FocusY">The same from 0 (top) to 1 (bottom).</param>
/// <param name="AllSlides">True: every slide shows the photo; false: only the cover.</param>
/// <remarks>New members go at the end with defaults (docs/orleans.md).</remarks>
[GenerateSerializer, Immutable, Alias("vc.SlideBackground")]
public sealed record SlideBackground(string ImageHash, double FocusX = 0.5, double FocusY = 0.5, bool AllSlides = false)
{
    /// <summary>The focal point of cell <paramref name="column"/>, <paramref name="row"/> (0–2 each) of a 3×3 grid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate outside 0–2.</exception>
    public static (double X, double Y) CellCentre(int column, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, 2);
        return ((column + 0.5) / 3, (row + 0.5) / 3);
    }

    /// <summary>The 3×3 cell (column, row) that <see cref="FocusX"/>, <see cref="FocusY"/> fall into.</summary>
    /// <remarks>A method, not a property: state is stored as JSON, and a computed property would be written with it.</remarks>
    public (int Column, int Row) GetCell() => (Math.Clamp((int)(FocusX * 3), 0, 2), Math.Clamp((int)(FocusY * 3), 0, 2));

    /// <summary>This background centred on cell <paramref name="column"/>, <paramref name="row"/> of a 3×3 grid.</summary>
    public SlideBackground WithCell(int column, int row)
    {
        var (x, y) = CellCentre(column, row);
        return this with { FocusX = x, FocusY = y };
    }

    /// <summary>True when this background is drawn on a slide of the given position (1-based).</summary>
    public bool AppliesTo(int pageNumber) => AllSlides || pageNumber == 1;
}

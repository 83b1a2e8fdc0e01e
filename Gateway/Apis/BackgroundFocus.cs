using System.Globalization;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// The <c>focus</c> field of a background upload: a cell of the 3×3 grid by name ("center", "top-left", "bottom", …)
/// or "x,y" fractions from 0 to 1 (from the top-left corner).
/// </summary>
public static class BackgroundFocus
{
    /// <summary>The cell names, row by row from the top-left.</summary>
    public static IReadOnlyList<string> CellNames { get; } =
        ["top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"];

    /// <summary>Reads <paramref name="text"/>; null or empty is the centre.</summary>
    /// <returns>False when it is neither a cell name nor two fractions.</returns>
    public static bool TryParse(string? text, out (double X, double Y) focus)
    {
        focus = (0.5, 0.5);
        var trimmed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        var cell = CellNames.ToList().IndexOf(trimmed == "centre" ? "center" : trimmed);
        if (cell >= 0)
        {
            focus = ((cell % 3 + 0.5) / 3, (cell / 3 + 0.5) / 3);
            return true;
        }

        var parts = trimmed.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x is >= 0 and <= 1 && y is >= 0 and <= 1)
        {
            focus = (x, y);
            return true;
        }

        return false;
    }
}

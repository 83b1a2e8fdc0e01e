using System.Globalization;

namespace VibeCoder.Rendering.Themes;

/// <summary>An opaque sRGB colour.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>Parses "#rrggbb" (case-insensitive).</summary>
    /// <param name="hex">The colour text.</param>
    /// <param name="name">What the colour is for, used in the error message (e.g. "Brand.Background").</param>
    /// <exception cref="ArgumentException">The text is not "#" followed by six hex digits.</exception>
    public static RgbColor ParseHex(string hex, string name)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
        {
            throw new ArgumentException(
                $"{name} colour '{Printable(hex)}' is not a hex colour of the form \"#rrggbb\" (for example \"#1a2b3c\").",
                name);
        }

        return new RgbColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>The colour as "#rrggbb".</summary>
    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Relative luminance (WCAG), 0 for black to 1 for white.</summary>
    internal double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    /// <summary>The colour <paramref name="amount"/> of the way from this one to <paramref name="other"/>.</summary>
    internal RgbColor Mix(RgbColor other, double amount) => new(
        (byte)Math.Round(R + ((other.R - R) * amount)),
        (byte)Math.Round(G + ((other.G - G) * amount)),
        (byte)Math.Round(B + ((other.B - B) * amount)));

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    // Error messages echo the input; keep them one short printable line whatever the caller sent.
    private static string Printable(string text)
    {
        string shortened = text.Length > 32 ? text[..32] + "…" : text;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }
}

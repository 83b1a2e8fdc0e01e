using System.Collections.Frozen;

namespace VibeCoder.Rendering.Themes;

/// <summary>The built-in themes. Names are lower case and matched case-insensitively.</summary>
public static class SlideThemes
{
    // DejaVu ships with fontconfig on every Debian machine; the generic names are the fallback elsewhere.
    private const string Sans = "DejaVu Sans, sans-serif";
    private const string Serif = "DejaVu Serif, serif";

    /// <summary>The theme used when none is chosen.</summary>
    public const string DefaultName = "midnight";

    private static readonly SlideTheme[] All =
    [
        new("midnight", Hex("#0b1024"), Hex("#1b2550"), Hex("#f5f7ff"), Hex("#a5b0d6"), Hex("#7c9cff"), Hex("#0b1024"), Sans, Sans, Serif),
        new("sunrise", Hex("#fff5ea"), Hex("#ffd9c2"), Hex("#2b1408"), Hex("#8a5a3c"), Hex("#ff5a36"), Hex("#ffffff"), Sans, Sans, Serif),
        new("mint", Hex("#effcf6"), Hex("#c9f2df"), Hex("#0b3b2e"), Hex("#3f7a67"), Hex("#0fa37a"), Hex("#ffffff"), Sans, Sans, Serif),
        new("paper", Hex("#f8f4ec"), Hex("#ece4d2"), Hex("#1f1b16"), Hex("#6b6358"), Hex("#b8461b"), Hex("#ffffff"), Serif, Serif, Serif),
        new("mono", Hex("#ffffff"), Hex("#ececec"), Hex("#0a0a0a"), Hex("#6b6b6b"), Hex("#0a0a0a"), Hex("#ffffff"), Sans, Sans, Serif),
        new("neon", Hex("#12001f"), Hex("#33094f"), Hex("#fdf4ff"), Hex("#c9a7dd"), Hex("#ff3d9a"), Hex("#ffffff"), Sans, Sans, Serif),
    ];

    private static readonly FrozenDictionary<string, SlideTheme> ByName =
        All.ToFrozenDictionary(theme => theme.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of all built-in themes, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(All.Select(theme => theme.Name).ToArray());

    /// <summary>Finds a theme by name (case-insensitive).</summary>
    /// <param name="name">The theme name.</param>
    /// <param name="theme">The theme when found.</param>
    /// <returns>True when a theme of that name exists.</returns>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SlideTheme? theme)
    {
        if (name is null)
        {
            theme = null;
            return false;
        }

        return ByName.TryGetValue(name, out theme);
    }

    private static RgbColor Hex(string hex) => RgbColor.ParseHex(hex, "Theme");
}

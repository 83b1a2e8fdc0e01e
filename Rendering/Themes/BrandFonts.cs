using System.Collections.Frozen;

namespace VibeCoder.Rendering.Themes;

/// <summary>
/// The fonts a brand kit may choose: only families fontconfig finds on the machines we build for (the DejaVu set
/// Debian installs with fontconfig), so every choice renders as itself. Ids are short and stable (they are stored in
/// brand kits and travel in callback data); the family list is the fallback order the renderer uses.
/// </summary>
public static class BrandFonts
{
    private static readonly BrandFont[] All =
    [
        new("sans", "DejaVu Sans", "DejaVu Sans, sans-serif"),
        new("serif", "DejaVu Serif", "DejaVu Serif, serif"),
        new("mono", "DejaVu Sans Mono", "DejaVu Sans Mono, monospace"),
        new("condensed", "DejaVu Sans Condensed", "DejaVu Sans Condensed, DejaVu Sans, sans-serif"),
        new("serifcond", "DejaVu Serif Condensed", "DejaVu Serif Condensed, DejaVu Serif, serif"),
    ];

    private static readonly FrozenDictionary<string, BrandFont> ById = All.ToFrozenDictionary(font => font.Id, StringComparer.Ordinal);

    /// <summary>Every font offered, in menu order.</summary>
    public static IReadOnlyList<BrandFont> Offered { get; } = Array.AsReadOnly(All);

    /// <summary>Finds a font by id (exact, lower case).</summary>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BrandFont? font)
    {
        if (id is null)
        {
            font = null;
            return false;
        }

        return ById.TryGetValue(id, out font);
    }
}

using System.Collections.Concurrent;
using SkiaSharp;

namespace VibeCoder.Rendering.Fonts;

/// <summary>
/// The system's fonts as fontconfig sees them (SkiaSharp's Linux font manager), resolved once per style and
/// cached for the life of the process: typefaces, their shapers and per-character fallbacks. Thread-safe.
/// </summary>
/// <remarks>
/// Fallback order for every style is documented on <see cref="FontChain"/> and in docs/rendering.md.
/// The emoji face is fontconfig's answer for the emoji language tag "und-Zsye" (Noto Color Emoji from the Debian
/// package fonts-noto-color-emoji).
/// </remarks>
internal sealed class FontCatalog
{
    /// <summary>The language tag fontconfig maps to the colour emoji font.</summary>
    private static readonly string[] EmojiLanguage = ["und-Zsye"];

    private readonly SKFontManager _manager;
    private readonly ConcurrentDictionary<FontStyleKey, FontChain> _chains = new();
    private readonly ConcurrentDictionary<(nint Typeface, bool Embolden, bool Oblique), FontFace> _faces = new();
    private readonly ConcurrentDictionary<(FontStyleKey Style, int CodePoint), FontFace?> _fallbacks = new();
    private readonly Lazy<FontFace?> _emoji;

    public FontCatalog(SKFontManager manager)
    {
        _manager = manager;
        _emoji = new Lazy<FontFace?>(FindEmoji, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The process-wide catalogue over the default (fontconfig) font manager.</summary>
    public static FontCatalog Shared { get; } = new(SKFontManager.Default);

    /// <summary>The colour emoji face, or null when the machine has no emoji font.</summary>
    public FontFace? Emoji => _emoji.Value;

    /// <summary>The faces for a style, in fallback order.</summary>
    /// <exception cref="InvalidOperationException">No family of the list, nor the default font, exists.</exception>
    public FontChain Chain(FontStyleKey style) => _chains.GetOrAdd(style, CreateChain);

    /// <summary>fontconfig's best face in a style for one code point, or null when no font has it.</summary>
    public FontFace? MatchCharacter(FontStyleKey style, int codePoint) =>
        _fallbacks.GetOrAdd((style, codePoint), static (key, catalog) =>
        {
            SKTypeface? typeface = catalog._manager.MatchCharacter(null, key.Style.ToSkia(), [], key.CodePoint);
            return typeface is null ? null : catalog.Face(typeface, key.Style, isEmoji: false);
        }, this);

    private FontChain CreateChain(FontStyleKey style)
    {
        var faces = new List<FontFace>();
        foreach (string family in style.Families.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            SKTypeface? typeface = _manager.MatchFamily(family, style.ToSkia());
            if (typeface is not null)
            {
                FontFace face = Face(typeface, style, isEmoji: false);
                if (!faces.Contains(face))
                {
                    faces.Add(face);
                }
            }
        }

        if (faces.Count == 0)
        {
            // None of the named families is installed: fontconfig's default face keeps text visible.
            SKTypeface fallback = _manager.MatchFamily(null, style.ToSkia())
                ?? throw new InvalidOperationException($"No font found for '{style.Families}' and no default font: is fontconfig installed with any fonts?");
            faces.Add(Face(fallback, style, isEmoji: false));
        }

        return new FontChain(this, style, faces, Emoji);
    }

    private FontFace Face(SKTypeface typeface, FontStyleKey style, bool isEmoji)
    {
        SKFontStyle actual = typeface.FontStyle;
        bool embolden = !isEmoji && style.Weight >= 600 && actual.Weight < 600;
        bool oblique = !isEmoji && style.Italic && actual.Slant == SKFontStyleSlant.Upright;
        return _faces.GetOrAdd((typeface.Handle, embolden, oblique), static (key, state) =>
            new FontFace(state.Typeface, key.Embolden, key.Oblique, state.IsEmoji), (Typeface: typeface, IsEmoji: isEmoji));
    }

    private FontFace? FindEmoji()
    {
        // U+1F600 (grinning face): every colour emoji font has it.
        SKTypeface? typeface = _manager.MatchCharacter(null, SKFontStyle.Normal, EmojiLanguage, 0x1F600);
        return typeface is null ? null : Face(typeface, new FontStyleKey(string.Empty, 400, false, false), isEmoji: true);
    }
}

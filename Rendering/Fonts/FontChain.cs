namespace VibeCoder.Rendering.Fonts;

/// <summary>
/// The faces one text style draws with, in fallback order, and the rule that picks one per grapheme cluster:
/// <list type="number">
/// <item>an emoji cluster (see <see cref="EmojiPresentation"/>) takes the colour emoji face when it has the emoji;</item>
/// <item>otherwise the style's own families, in the order the style lists them, the first that has every code point;</item>
/// <item>then fontconfig's best face for the cluster's first code point (same weight, width and slant);</item>
/// <item>then the colour emoji face, for symbols only it has;</item>
/// <item>else no face: the cluster is dropped rather than drawn as a missing-glyph box.</item>
/// </list>
/// Clusters made only of default-ignorable characters (joiners, variation selectors, bidi controls) need no face
/// and stay with their neighbours. Thread-safe.
/// </summary>
internal sealed class FontChain
{
    private readonly FontCatalog _catalog;
    private readonly FontStyleKey _style;

    public FontChain(FontCatalog catalog, FontStyleKey style, IReadOnlyList<FontFace> families, FontFace? emoji)
    {
        _catalog = catalog;
        _style = style;
        Families = families;
        Emoji = emoji;
    }

    /// <summary>The style's own faces in fallback order; the first is the primary face (line metrics come from it).</summary>
    public IReadOnlyList<FontFace> Families { get; }

    public FontFace Primary => Families[0];

    /// <summary>The colour emoji face, or null when the machine has none.</summary>
    public FontFace? Emoji { get; }

    /// <summary>Picks the face for one grapheme cluster.</summary>
    /// <param name="cluster">The cluster's characters.</param>
    /// <param name="face">The face, or null when no face can draw it (drop it) or none is needed.</param>
    /// <returns>False when the cluster is only default-ignorable characters and needs no face of its own.</returns>
    public bool TryPick(ReadOnlySpan<char> cluster, out FontFace? face)
    {
        int first = FirstVisible(cluster);
        if (first < 0)
        {
            face = null;
            return false;
        }

        if (Emoji is not null && EmojiPresentation.IsEmoji(cluster) && Emoji.Has(first))
        {
            face = Emoji;
            return true;
        }

        foreach (FontFace family in Families)
        {
            if (HasAll(family, cluster))
            {
                face = family;
                return true;
            }
        }

        FontFace? system = _catalog.MatchCharacter(_style, first);
        if (system is not null && HasAll(system, cluster))
        {
            face = system;
            return true;
        }

        face = Emoji is not null && HasAll(Emoji, cluster) ? Emoji : null;
        return true;
    }

    private static int FirstVisible(ReadOnlySpan<char> cluster)
    {
        foreach (System.Text.Rune rune in cluster.EnumerateRunes())
        {
            if (!EmojiPresentation.IsIgnorable(rune.Value))
            {
                return rune.Value;
            }
        }

        return -1;
    }

    private static bool HasAll(FontFace face, ReadOnlySpan<char> cluster)
    {
        foreach (System.Text.Rune rune in cluster.EnumerateRunes())
        {
            if (!EmojiPresentation.IsIgnorable(rune.Value) && !face.Has(rune.Value))
            {
                return false;
            }
        }

        return true;
    }
}

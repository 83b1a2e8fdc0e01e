namespace VibeCoder.Grains.Telegram.Limits;

/// <summary>Fits plain text into Telegram's length limits without cutting words where it can be helped.</summary>
/// <remarks>Meant for plain text: splitting HTML or MarkdownV2 may cut a tag or an escape in two.</remarks>
internal static class TelegramText
{
    private const string Ellipsis = "…";

    // Boundaries from the most to the least natural place to break a message.
    private static readonly string[] Boundaries = ["\n\n", "\n", " "];

    /// <summary>
    /// Splits <paramref name="text"/> into chunks of at most <paramref name="maxLength"/> characters, breaking on a
    /// paragraph, else a line, else a word boundary, and inside a word only when a word is longer than half a chunk.
    /// </summary>
    /// <returns>The chunks in order, whitespace at the breaks trimmed; empty for empty or blank text.</returns>
    public static IReadOnlyList<string> Split(string text, int maxLength = TelegramLimits.MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var chunks = new List<string>();
        var rest = text.AsSpan().TrimEnd();

        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            var chunk = rest[..cut].TrimEnd();
            if (!chunk.IsEmpty)
            {
                chunks.Add(chunk.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (!rest.IsWhiteSpace())
        {
            chunks.Add(rest.ToString());
        }

        return chunks;
    }

    /// <summary>
    /// Returns <paramref name="text"/> unchanged when it fits, else cut at a word boundary with an ellipsis so the
    /// result has at most <paramref name="maxLength"/> characters (e.g. a caption for sendPhoto).
    /// </summary>
    public static string Truncate(string text, int maxLength = TelegramLimits.MaxCaptionLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - Ellipsis.Length;
        var span = text.AsSpan(0, room + 1);
        var space = span.LastIndexOfAny(' ', '\n');
        var cut = space >= room / 2 ? space : SafeHardCut(text, room);
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    // Where to end the next chunk: the latest natural boundary in the second half of the window wins; failing that,
    // any word boundary; failing that, a hard cut that keeps surrogate pairs whole.
    private static int FindCut(ReadOnlySpan<char> rest, int maxLength)
    {
        var latestWordBoundary = -1;
        foreach (var boundary in Boundaries)
        {
            // The window reaches one boundary-length past the limit: a boundary right after the limit is a clean break.
            var window = rest[..Math.Min(rest.Length, maxLength + boundary.Length)];
            var index = window.LastIndexOf(boundary.AsSpan());
            if (index >= maxLength / 2)
            {
                return index;
            }

            latestWordBoundary = Math.Max(latestWordBoundary, index);
        }

        return latestWordBoundary > 0 ? latestWordBoundary : SafeHardCut(rest, maxLength);
    }

    private static int SafeHardCut(ReadOnlySpan<char> text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}

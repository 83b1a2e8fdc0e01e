using System.Globalization;
using System.Text;

namespace VibeCoder.Content;

/// <summary>Cleans up a topic typed by a user before it is stored or sent to a content generator.</summary>
public static class TopicText
{
    /// <summary>The fewest characters a topic may have after normalisation.</summary>
    public const int MinLength = 3;

    /// <summary>The most characters (UTF-16 code units) a topic may have after normalisation.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// Normalises <paramref name="raw"/>: removes control and invisible formatting characters, turns every run of
    /// whitespace (tabs and line breaks included) into one space, trims, and checks the length (3–500).
    /// </summary>
    /// <param name="raw">The text as the user sent it.</param>
    /// <param name="topic">The normalised topic, or an empty string when invalid.</param>
    /// <param name="error">A friendly English sentence saying what is wrong, or an empty string when valid.</param>
    /// <returns>True when the topic is usable.</returns>
    public static bool TryNormalize(string? raw, out string topic, out string error)
    {
        topic = string.Empty;
        var normalized = raw is null ? string.Empty : Clean(raw);
        if (normalized.Length == 0)
        {
            error = "Please send a topic: a few words about what the carousel should cover.";
            return false;
        }

        if (normalized.Length < MinLength)
        {
            error = $"The topic is too short: please use at least {MinLength} characters.";
            return false;
        }

        if (normalized.Length > MaxLength)
        {
            error = $"The topic is too long ({normalized.Length} characters): please keep it under {MaxLength + 1} characters.";
            return false;
        }

        topic = normalized;
        error = string.Empty;
        return true;
    }

    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];

            // A lone surrogate is not text; it would also break JSON and the renderer further down.
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
                {
                    AppendPendingSpace(builder, ref pendingSpace);
                    builder.Append(c).Append(raw[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisibleOrControl(c))
            {
                continue;
            }

            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }

    // Zero-width joiners and variation selectors stay: emoji sequences need them.
    // Bidi overrides and zero-width spaces go: they only hide or reorder text.
    private static bool IsInvisibleOrControl(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Control
        || c is '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}

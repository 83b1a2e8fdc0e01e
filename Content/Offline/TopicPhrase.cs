using System.Text;

namespace VibeCoder.Content.Offline;

/// <summary>The forms of a topic the offline templates write with.</summary>
/// <param name="Full">The whole topic as normalised.</param>
/// <param name="Heading">The topic with a capital first letter, cut to fit a heading.</param>
/// <param name="Inline">A short form (at most ~60 characters) for use inside a sentence.</param>
/// <param name="Keywords">Distinct lower-case content words, in order of appearance, for hashtags.</param>
internal sealed record TopicPhrase(string Full, string Heading, string Inline, IReadOnlyList<string> Keywords)
{
    private const int InlineLength = 60;
    private const int MaxKeywordLength = 30;

    public static TopicPhrase From(string topic, IReadOnlySet<string> stopWords)
    {
        var capitalised = Capitalise(topic);
        var heading = CarouselContentValidator.TruncateAtWord(capitalised, CarouselContentValidator.MaxHeadingLength);
        var inline = CarouselContentValidator.TruncateAtWord(topic.TrimEnd('.', '!', ' '), InlineLength);
        if (inline.Length == 0)
        {
            inline = topic;
        }

        return new TopicPhrase(topic, heading, inline, ExtractKeywords(topic, stopWords));
    }

    /// <summary>True when the topic reads as a question or is too long to take a suffix in a heading.</summary>
    public bool StandsAlone => Full.EndsWith('?') || Full.Length > InlineLength;

    private static string Capitalise(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]))
        {
            return text;
        }

        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static List<string> ExtractKeywords(string topic, IReadOnlySet<string> stopWords)
    {
        var keywords = new List<string>();
        var word = new StringBuilder();

        // One pass: a word is a run of letters and digits; anything else (punctuation, markup, emoji) separates.
        foreach (var c in topic + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                var candidate = word.ToString();
                word.Clear();
                if (IsKeyword(candidate, stopWords) && !keywords.Contains(candidate))
                {
                    keywords.Add(candidate);
                }
            }
        }

        return keywords;
    }

    private static bool IsKeyword(string word, IReadOnlySet<string> stopWords) =>
        word.Length is >= 3 and <= MaxKeywordLength
        && word.Any(char.IsLetter)
        && !stopWords.Contains(word);
}

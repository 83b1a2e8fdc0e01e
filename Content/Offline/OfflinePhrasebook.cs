using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Offline;

/// <summary>Everything language-specific the offline generator writes with.</summary>
internal abstract class OfflinePhrasebook
{
    /// <summary>"en" or "ru".</summary>
    public abstract string Language { get; }

    /// <summary>Words that never become hashtags.</summary>
    public abstract IReadOnlySet<string> StopWords { get; }

    /// <summary>Hashtags used after the topic's own words, in order of preference.</summary>
    public abstract IReadOnlyList<string> GenericHashtags { get; }

    /// <summary>The middle-slide templates (the summary aside); ids are unique.</summary>
    public abstract IReadOnlyList<SlideTemplate> Templates { get; }

    /// <summary>Heading variants of the summary slide, which recaps the other slides' headings as a list.</summary>
    public abstract IReadOnlyList<string> SummaryHeadings { get; }

    /// <summary>
    /// The templates used first, in this order, so even a short carousel mixes a paragraph, a list and a quote.
    /// </summary>
    public static IReadOnlyList<string> CoreIds { get; } = ["why", "steps", "quote", "mistakes", "example", "myth", "checklist"];

    /// <summary>First words that make a topic read as a question or a how-to ("how", "why", "как" …).</summary>
    protected abstract IReadOnlySet<string> QuestionStarters { get; }

    /// <summary>Puts <paramref name="text"/> in the language's quotation marks.</summary>
    public abstract string Quote(string text);

    /// <summary>Writes the cover: a hook heading and a line that makes the reader swipe.</summary>
    public abstract SlideContent Cover(OfflineWritingContext context);

    /// <summary>Writes the closing call to action.</summary>
    public abstract SlideContent CallToAction(OfflineWritingContext context);

    /// <summary>Writes the post caption from the title and the middle slides' headings.</summary>
    public abstract string Caption(OfflineWritingContext context, string title, IReadOnlyList<string> highlights);

    /// <summary>
    /// True when the topic should be the cover heading as it is: a question or how-to ("How to …: where to start"
    /// would repeat itself) or too long to take a hook suffix.
    /// </summary>
    protected bool UsesTopicAsHeading(TopicPhrase topic)
    {
        if (topic.StandsAlone)
        {
            return true;
        }

        var firstWord = topic.Full.Split(' ', 2)[0].Trim(',', ':', '!', '.').ToLowerInvariant();
        return QuestionStarters.Contains(firstWord);
    }

    /// <summary>Joins a few items as a sentence list: "a, b and c".</summary>
    protected static string JoinAsSentence(IReadOnlyList<string> items, string and) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {and} " + items[^1],
    };

    /// <summary>Lower-cases the first letter, for a heading used inside a sentence.</summary>
    protected static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}

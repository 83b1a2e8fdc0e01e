using System.Text;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>The limits carousel content must respect, a check against them, and the repairs that are safe to make.</summary>
public static class CarouselContentValidator
{
    /// <summary>The fewest slides in a carousel, cover and call to action included.</summary>
    public const int MinSlides = 3;

    /// <summary>The most slides in a carousel (Instagram's limit is 20).</summary>
    public const int MaxSlides = 20;

    /// <summary>The longest slide heading, in characters.</summary>
    public const int MaxHeadingLength = 90;

    /// <summary>The longest slide body, in characters.</summary>
    public const int MaxBodyLength = 600;

    /// <summary>The longest caption, in characters (Instagram's limit).</summary>
    public const int MaxCaptionLength = 2200;

    /// <summary>The most hashtags.</summary>
    public const int MaxHashtags = 5;

    /// <summary>Lists everything wrong with <paramref name="content"/>; an empty list means it is valid.</summary>
    /// <param name="content">The content to check.</param>
    /// <param name="expectedSlideCount">The slide count that was asked for.</param>
    /// <returns>One English sentence per problem, suitable to show to a language model for a corrected answer.</returns>
    public static IReadOnlyList<string> Validate(CarouselContent content, int expectedSlideCount)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(content.Title))
        {
            problems.Add("The title is empty.");
        }

        ValidateSlides(content.Slides, expectedSlideCount, problems);

        if (string.IsNullOrWhiteSpace(content.Caption))
        {
            problems.Add("The caption is empty.");
        }
        else if (content.Caption.Length > MaxCaptionLength)
        {
            problems.Add($"The caption has {content.Caption.Length} characters; the limit is {MaxCaptionLength}.");
        }

        if (content.Hashtags.Count > MaxHashtags)
        {
            problems.Add($"There are {content.Hashtags.Count} hashtags; the limit is {MaxHashtags}.");
        }

        foreach (var tag in content.Hashtags)
        {
            if (!IsValidHashtag(tag))
            {
                problems.Add($"The hashtag \"{tag}\" must be '#' followed by letters, digits or '_' only.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Makes the fixes that cannot change the meaning: trims texts, gives the first slide the cover kind and the last
    /// the call-to-action kind (and demotes stray covers/calls in between), normalises hashtags ('#' added, spaces and
    /// punctuation removed, duplicates dropped, at most five kept) and cuts an over-long caption at a word boundary.
    /// Over-long headings or bodies and a wrong slide count are not repaired: they need rewriting.
    /// </summary>
    /// <param name="content">The content to repair.</param>
    /// <returns>The repaired content (a new record; the input is unchanged).</returns>
    public static CarouselContent Repair(CarouselContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var slides = new List<SlideContent>(content.Slides.Count);
        for (var i = 0; i < content.Slides.Count; i++)
        {
            var slide = content.Slides[i];
            var kind = KindFor(i, content.Slides.Count, slide.Kind);
            slides.Add(new SlideContent(kind, (slide.Heading ?? string.Empty).Trim(), (slide.Body ?? string.Empty).Trim()));
        }

        var title = (content.Title ?? string.Empty).Trim();
        if (title.Length == 0 && slides.Count > 0)
        {
            title = slides[0].Heading;
        }

        return content with
        {
            Title = TruncateAtWord(title, MaxHeadingLength),
            Slides = slides,
            Caption = TruncateAtWord((content.Caption ?? string.Empty).Trim(), MaxCaptionLength),
            Hashtags = NormalizeHashtags(content.Hashtags ?? []),
        };
    }

    /// <summary>True when <paramref name="tag"/> is '#' followed by one or more letters, digits or underscores.</summary>
    /// <param name="tag">The hashtag.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValidHashtag(string? tag) =>
        tag is { Length: > 1 } && tag[0] == '#' && HasOnlyWordChars(tag.AsSpan(1));

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters at a word boundary, adding '…'.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The limit, at least 2.</param>
    /// <returns>The text unchanged when short enough, otherwise its cut-down form.</returns>
    public static string TruncateAtWord(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var limit = maxLength - 1;
        if (char.IsHighSurrogate(text[limit - 1]))
        {
            // Never split an emoji or other surrogate pair in half.
            limit--;
        }

        var cut = text.LastIndexOf(' ', limit);
        if (cut < maxLength / 2)
        {
            // One very long word: a hard cut reads better than dropping half the text.
            cut = limit;
        }

        return text[..cut].TrimEnd(' ', ',', ';', ':', '-', '—', '.') + "…";
    }

    internal static IReadOnlyList<string> NormalizeHashtags(IEnumerable<string?> tags)
    {
        var result = new List<string>(MaxHashtags);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in tags)
        {
            if (raw is null)
            {
                continue;
            }

            var word = new StringBuilder(raw.Length);
            foreach (var c in raw)
            {
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    word.Append(c);
                }
            }

            if (word.Length == 0)
            {
                continue;
            }

            var tag = "#" + word;
            if (seen.Add(tag))
            {
                result.Add(tag);
                if (result.Count == MaxHashtags)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static SlideKind KindFor(int index, int count, SlideKind kind)
    {
        if (index == 0)
        {
            return SlideKind.Cover;
        }

        if (index == count - 1)
        {
            return SlideKind.CallToAction;
        }

        return kind is SlideKind.Cover or SlideKind.CallToAction ? SlideKind.Content : kind;
    }

    private static void ValidateSlides(IReadOnlyList<SlideContent> slides, int expectedSlideCount, List<string> problems)
    {
        if (slides.Count != expectedSlideCount)
        {
            problems.Add($"There are {slides.Count} slides; exactly {expectedSlideCount} are required.");
        }

        for (var i = 0; i < slides.Count; i++)
        {
            var slide = slides[i];
            var number = i + 1;
            if (i == 0 && slide.Kind != SlideKind.Cover)
            {
                problems.Add("Slide 1 must be the cover.");
            }
            else if (i == slides.Count - 1 && slide.Kind != SlideKind.CallToAction)
            {
                problems.Add($"Slide {number} (the last) must be the call to action.");
            }
            else if (i > 0 && i < slides.Count - 1 && slide.Kind is SlideKind.Cover or SlideKind.CallToAction)
            {
                problems.Add($"Slide {number} must be content, a list or a quote, not a {slide.Kind}.");
            }

            if (string.IsNullOrWhiteSpace(slide.Heading))
            {
                problems.Add($"Slide {number} has an empty heading.");
            }
            else if (slide.Heading.Length > MaxHeadingLength)
            {
                problems.Add($"Slide {number}'s heading has {slide.Heading.Length} characters; the limit is {MaxHeadingLength}.");
            }

            if (string.IsNullOrWhiteSpace(slide.Body))
            {
                problems.Add($"Slide {number} has an empty body.");
            }
            else if (slide.Body.Length > MaxBodyLength)
            {
                problems.Add($"Slide {number}'s body has {slide.Body.Length} characters; the limit is {MaxBodyLength}.");
            }
        }
    }

    private static bool HasOnlyWordChars(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

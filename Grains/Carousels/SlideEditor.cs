using System.Globalization;
using VibeCoder.Content;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The rules of editing a finished carousel, as pure functions of its content: the cover stays first and the call to
/// action last (they can be reworded, not removed or moved), at least <see cref="CarouselContentValidator.MinSlides"/>
/// slides remain, and the words keep the generator's limits.
/// </summary>
public static class SlideEditor
{
    /// <summary>How many edits an undo can take back; older ones are forgotten.</summary>
    public const int MaxUndoDepth = 50;

    /// <summary>Applies <paramref name="edit"/> to <paramref name="content"/>.</summary>
    /// <returns>The new content, or null and why the edit is refused (one English sentence).</returns>
    public static (CarouselContent? Content, string? Error) Apply(CarouselContent content, SlideEdit edit)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(edit);
        var slides = content.Slides;
        if (edit.Slide < 1 || edit.Slide > slides.Count)
        {
            return (null, Invariant($"There is no slide {edit.Slide}; the carousel has {slides.Count}."));
        }

        var index = edit.Slide - 1;
        var last = slides.Count - 1;
        switch (edit.Kind)
        {
            case SlideEditKind.Text or SlideEditKind.Rewrite:
                return Reword(content, index, edit.Heading, edit.Body);

            case SlideEditKind.Remove when index == 0 || index == last:
                return (null, "The cover and the last slide cannot be removed; change their text instead.");
            case SlideEditKind.Remove when slides.Count <= CarouselContentValidator.MinSlides:
                return (null, Invariant($"A carousel needs at least {CarouselContentValidator.MinSlides} slides."));
            case SlideEditKind.Remove:
                return (content with { Slides = [.. slides.Take(index), .. slides.Skip(index + 1)] }, null);

            case SlideEditKind.Move when index == 0 || index == last:
                return (null, "The cover stays first and the last slide last.");
            case SlideEditKind.Move when edit.To is not { } to || to < 2 || to > slides.Count - 1:
                return (null, Invariant($"A slide can move to positions 2 to {slides.Count - 1}."));
            case SlideEditKind.Move when edit.To == edit.Slide:
                return (null, "The slide is already there.");
            case SlideEditKind.Move:
                var moved = slides.ToList();
                var slide = moved[index];
                moved.RemoveAt(index);
                moved.Insert(edit.To!.Value - 1, slide);
                return (content with { Slides = moved }, null);

            default:
                return (null, $"Unknown edit '{edit.Kind}'.");
        }
    }

    /// <summary>The 1-based positions whose image differs between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static IReadOnlyList<int> ChangedSlides(CarouselContent before, CarouselContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<int>();
        for (var i = 0; i < after.Slides.Count; i++)
        {
            var key = SlideImageKey.Of(after.Slides[i], i + 1, after.Slides.Count);
            if (i >= before.Slides.Count || key != SlideImageKey.Of(before.Slides[i], i + 1, before.Slides.Count))
            {
                changed.Add(i + 1);
            }
        }

        return changed;
    }

    private static (CarouselContent?, string?) Reword(CarouselContent content, int index, string? heading, string? body)
    {
        var old = content.Slides[index];
        var slide = old with
        {
            Heading = heading is null ? old.Heading : Normalize(heading),
            Body = body is null ? old.Body : Normalize(body),
        };
        if (slide == old)
        {
            return (null, "The slide already says that.");
        }

        if (slide.Heading.Length == 0)
        {
            return (null, "The heading cannot be empty.");
        }

        if (slide.Heading.Length > CarouselContentValidator.MaxHeadingLength)
        {
            return (null, Invariant($"The heading has {slide.Heading.Length} characters; the limit is {CarouselContentValidator.MaxHeadingLength}."));
        }

        if (slide.Body.Length == 0)
        {
            return (null, "The text under the heading cannot be empty.");
        }

        if (slide.Body.Length > CarouselContentValidator.MaxBodyLength)
        {
            return (null, Invariant($"The text has {slide.Body.Length} characters; the limit is {CarouselContentValidator.MaxBodyLength}."));
        }

        var slides = content.Slides.ToArray();
        slides[index] = slide;

        // The title is the cover's heading unless the generator chose another: a reworded cover renames the carousel.
        var title = index == 0 && content.Title == old.Heading ? slide.Heading : content.Title;
        return (content with { Slides = slides, Title = title }, null);
    }

    // Line breaks are kept (list items are lines); trailing spaces and Windows line ends are not.
    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd())).Trim();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

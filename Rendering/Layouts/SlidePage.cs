using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Layouts;

/// <summary>One slide to draw with its place in the carousel; texts already sanitised.</summary>
/// <param name="Kind">The layout to use.</param>
/// <param name="Heading">The heading, one paragraph.</param>
/// <param name="Body">The body; line breaks kept.</param>
/// <param name="Number">1-based page number.</param>
/// <param name="Count">Pages in the carousel.</param>
/// <param name="Handle">The footer handle, or empty.</param>
/// <param name="Russian">True when the slide is written in Cyrillic; picks the language of the fixed labels.</param>
internal sealed record SlidePage(SlideKind Kind, string Heading, string Body, int Number, int Count, string Handle, bool Russian)
{
    /// <summary>The brand's display name shown beside the handle, or empty.</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>The brand logo (decoded; owned by the renderer for the duration of the render), or null.</summary>
    public SkiaSharp.SKImage? Logo { get; init; }

    /// <summary>The user's photo behind this slide (decoded; owned by the renderer for the render), or null.</summary>
    public SkiaSharp.SKImage? Photo { get; init; }

    /// <summary>Where the photo's crop centres, 0–1 across and down.</summary>
    public (double X, double Y) PhotoFocus { get; init; } = (0.5, 0.5);

    /// <summary>Whether the footer shows "3/7".</summary>
    public bool ShowPageNumber { get; init; } = true;

    /// <summary>The footer's left label: the display name and the handle, whichever are set.</summary>
    public string Signature => (DisplayName.Length, Handle.Length) switch
    {
        (0, _) => Handle,
        (_, 0) => DisplayName,
        _ => DisplayName + " · " + Handle,
    };

    /// <summary>The slide's position among the points after the cover ("01" on page 2).</summary>
    public string PointLabel => Math.Max(1, Number - 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Swipe" in the slide's language.</summary>
    public string SwipeLabel => Russian ? "Листай" : "Swipe";

    /// <summary>The call-to-action button text in the slide's language.</summary>
    public string FollowLabel => Russian ? "Подписаться" : "Follow for more";

    /// <summary>True when the text contains Cyrillic letters.</summary>
    public static bool ContainsCyrillic(string text)
    {
        foreach (char c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }
}

using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Offline;

/// <summary>One rhetorical device the offline generator can put on a slide (why it matters, myth vs fact, …).</summary>
/// <param name="Id">A stable name, used to choose and order templates.</param>
/// <param name="Rank">Where the slide sits in the story: lower comes earlier.</param>
/// <param name="Kind">The slide kind it produces.</param>
/// <param name="Headings">Heading variants; one is picked per request.</param>
/// <param name="Body">Writes the body for a topic.</param>
internal sealed record SlideTemplate(
    string Id,
    int Rank,
    SlideKind Kind,
    IReadOnlyList<string> Headings,
    Func<OfflineWritingContext, string> Body);

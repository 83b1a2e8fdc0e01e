using System.Diagnostics;
using VibeCoder.Content.Offline;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>
/// Writes a carousel without any outside service, from a library of rhetorical templates (why it matters, myth vs
/// fact, step by step, checklist, key quote, example, summary, …) filled in with the topic. The default generator
/// when no OpenAI key is configured.
/// </summary>
/// <remarks>
/// Deterministic: the same request always yields the same content, on any machine. Thread-safe; allocation only
/// per call. Writes English or Russian.
/// </remarks>
public sealed class OfflineContentGenerator : IContentGenerator, ISlideRewriter
{
    // Each variant is another seeded pick of templates and phrasings; a few are enough to find a different wording.
    private const int MaxVariantsTried = 12;

    /// <summary>The generator's name in logs and metrics.</summary>
    public const string GeneratorName = "offline";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public Task<CarouselContent> GenerateAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var topic = ContentRequestGuard.NormalizedTopic(request);
        var language = ContentLanguage.Resolve(request.Language, topic);
        using var activity = ContentTelemetry.StartGeneration(GeneratorName, request, language, ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var content = Write(topic, request.SlideCount, language);
        ContentTelemetry.RecordDuration(GeneratorName, ContentTelemetry.SuccessOutcome, Stopwatch.GetElapsedTime(started));
        return Task.FromResult(content);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writes the same carousel with other seeds (<see cref="SlideRewriteRequest.Variant"/> onwards) and takes the first
    /// slide of the same kind whose words the carousel does not already have: at the same position when possible, so a
    /// rewritten step stays the same kind of point.
    /// </remarks>
    public Task<SlideContent> RewriteAsync(SlideRewriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var content = request.Content;
        var index = SlideRewriteRequest.IndexIn(request);
        var current = content.Slides[index];
        var language = content.Language == ContentLanguage.Russian ? ContentLanguage.Russian : ContentLanguage.English;
        var topic = ContentRequestGuard.NormalizedTopic(new ContentRequest(request.Topic, content.Slides.Count, language));
        for (var variant = Math.Max(1, request.Variant); variant < Math.Max(1, request.Variant) + MaxVariantsTried; variant++)
        {
            var written = Write(topic, content.Slides.Count, language, variant).Slides;
            var candidates = written.Skip(index).Take(1).Concat(written);
            var found = candidates.FirstOrDefault(s =>
                s.Kind == current.Kind && s.Heading != current.Heading && !content.Slides.Any(existing => existing.Heading == s.Heading));
            if (found is not null)
            {
                return Task.FromResult(found);
            }
        }

        throw new ContentGenerationException("No other wording of this slide was found; edit its text instead.");
    }

    internal static CarouselContent Write(string topic, int slideCount, string language, int variant = 0)
    {
        OfflinePhrasebook phrasebook = language == ContentLanguage.Russian ? RussianPhrasebook.Instance : EnglishPhrasebook.Instance;
        var phrase = TopicPhrase.From(topic, phrasebook.StopWords);
        var random = DeterministicRandom.For(topic, slideCount, language, variant);
        var context = new OfflineWritingContext(phrase, phrasebook.Quote(phrase.Inline), random, slideCount - 2);

        var cover = phrasebook.Cover(context);
        var middle = WriteMiddle(phrasebook, context);
        var slides = new List<SlideContent>(slideCount) { cover };
        slides.AddRange(middle);
        slides.Add(phrasebook.CallToAction(context));

        // Headings with commas would blur a comma-separated list in the caption.
        var highlights = middle
            .Where(s => s.Kind != SlideKind.Quote && !s.Heading.Contains(','))
            .Select(s => s.Heading)
            .Take(3)
            .ToList();
        var caption = CarouselContentValidator.TruncateAtWord(
            phrasebook.Caption(context, cover.Heading, highlights), CarouselContentValidator.MaxCaptionLength);
        var hashtags = CarouselContentValidator.NormalizeHashtags(
            phrase.Keywords.Take(3).Select(k => "#" + k).Concat(phrasebook.GenericHashtags));
        return new CarouselContent(cover.Heading, slides, caption, hashtags, phrasebook.Language);
    }

    private static List<SlideContent> WriteMiddle(OfflinePhrasebook phrasebook, OfflineWritingContext context)
    {
        var count = context.ContentSlideCount;

        // A recap only helps once there are enough slides to recap.
        var withSummary = count >= 5;
        var templates = ChooseTemplates(phrasebook.Templates, withSummary ? count - 1 : count, context.Random);
        var slides = templates
            .OrderBy(t => t.Rank)
            .Select(t => new SlideContent(t.Kind, context.Random.Pick(t.Headings), t.Body(context)))
            .ToList();

        if (withSummary)
        {
            var recap = slides.Where(s => s.Kind != SlideKind.Quote).Select(s => s.Heading).Take(5);
            slides.Add(new SlideContent(SlideKind.List, context.Random.Pick(phrasebook.SummaryHeadings), string.Join('\n', recap)));
        }

        return slides;
    }

    private static List<SlideTemplate> ChooseTemplates(IReadOnlyList<SlideTemplate> library, int count, DeterministicRandom random)
    {
        // The core set first, so short carousels still mix a paragraph, a list and a quote; then a seeded pick of
        // the rest, so different topics read differently.
        var chosen = OfflinePhrasebook.CoreIds
            .Select(id => library.First(t => t.Id == id))
            .Take(count)
            .ToList();
        var rest = library.Where(t => !chosen.Contains(t)).ToList();
        random.Shuffle(rest);
        chosen.AddRange(rest.Take(count - chosen.Count));
        return chosen;
    }
}

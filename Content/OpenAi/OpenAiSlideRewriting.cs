using System.Diagnostics;
using OpenAI.Chat;
using VibeCoder.Content.OpenAi;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>Rewriting one slide with the same client, resilience pipeline and circuit as whole carousels.</summary>
public sealed partial class OpenAiContentGenerator : ISlideRewriter
{
    private static readonly ChatResponseFormat SlideFormat = ChatResponseFormat.CreateJsonSchemaFormat(
        SlideRewritePrompt.SchemaName, SlideRewritePrompt.Schema, SlideRewritePrompt.SchemaDescription, jsonSchemaIsStrict: true);

    /// <inheritdoc />
    public async Task<SlideContent> RewriteAsync(SlideRewriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Content.Slides[SlideRewriteRequest.IndexIn(request)].Kind;
        var language = request.Content.Language == ContentLanguage.Russian ? ContentLanguage.Russian : ContentLanguage.English;
        var started = Stopwatch.GetTimestamp();
        var messages = SlideRewritePrompt.Start(request, language);
        for (var answer = 1; ; answer++)
        {
            var completion = await CompleteAsync(messages, SlideFormat, cancellationToken).ConfigureAwait(false);
            var text = string.Concat(completion.Content.Select(part => part.Text));
            if (SlideRewritePrompt.TryRead(text, kind, out var slide, out var problem))
            {
                ContentTelemetry.RecordDuration(GeneratorName, ContentTelemetry.SuccessOutcome, Stopwatch.GetElapsedTime(started));
                return slide;
            }

            if (answer == MaxAnswers)
            {
                ContentTelemetry.RecordDuration(GeneratorName, ContentTelemetry.FailureOutcome, Stopwatch.GetElapsedTime(started));
                throw new ContentGenerationException("The AI service's rewrite of the slide was unusable twice: " + problem);
            }

            Log.UnreadableAnswer(_logger, problem);
            SlideRewritePrompt.AddCorrection(messages, text, problem);
        }
    }
}

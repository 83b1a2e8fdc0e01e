using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using VibeCoder.Content;

namespace VibeCoder.Grains.Carousels;

/// <summary>Rewrites a slide through <see cref="ISlideRewriter"/> and applies it to the job with the revision it read.</summary>
[StatelessWorker]
public sealed partial class SlideRewriterGrain(ISlideRewriter rewriter, ILogger<SlideRewriterGrain> logger) : Grain, ISlideRewriterGrain
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    public async Task<SlideEditResult> Rewrite(string jobId, int slide, int? expectedRevision)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var grain = GrainFactory.GetGrain<ICarouselJobGrain>(jobId);
        var job = await grain.Get();
        if (job?.Content is not { } content || job.Status != JobStatus.Completed || slide < 1 || slide > content.Slides.Count
            || (expectedRevision is { } expected && expected != job.Revision))
        {
            // The job's own rules word every refusal (missing, unfinished, no such slide, stale revision) the same way
            // as for any other edit, and nothing is asked of the generator.
            return await grain.EditSlide(SlideEdit.Rewrite(slide, string.Empty, string.Empty), expectedRevision);
        }

        SlideContent written;
        try
        {
            // Below Orleans' 30 s response timeout, so the caller hears why rather than a timeout.
            using var limit = new CancellationTokenSource(Limit);
            written = await rewriter.RewriteAsync(new SlideRewriteRequest(job.Request.Topic, content, slide, job.Revision + 1), limit.Token);
        }
        catch (Exception exception) when (exception is ContentGenerationException or OperationCanceledException)
        {
            Log.RewriteFailed(logger, jobId, slide, exception.Message);
            var error = exception is ContentGenerationException ? exception.Message : "The AI service took too long to rewrite the slide; please try again.";
            return new SlideEditResult(SlideEditOutcome.Unavailable, job, error, []);
        }

        // The revision read above: an edit that landed while the generator wrote makes this a conflict, not a lost update.
        return await grain.EditSlide(SlideEdit.Rewrite(slide, written.Heading, written.Body), job.Revision);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Carousel {JobId}: rewriting slide {Slide} failed: {Reason}")]
        public static partial void RewriteFailed(ILogger logger, string jobId, int slide, string reason);
    }
}

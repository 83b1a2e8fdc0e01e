using Orleans;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// "Rewrite this slide": asks the content generator for new words and applies them to the job as a
/// <see cref="SlideEditKind.Rewrite"/> edit. A stateless worker, so the seconds a language model takes never hold up the
/// job grain (its reads and other edits go on meanwhile); an edit that lands in between makes the rewrite a conflict
/// rather than overwriting it.
/// </summary>
[Alias("vc.ISlideRewriterGrain")]
public interface ISlideRewriterGrain : IGrainWithIntegerKey
{
    /// <summary>Rewrites slide <paramref name="slide"/> (1-based) of job <paramref name="jobId"/>.</summary>
    /// <param name="jobId">The carousel job.</param>
    /// <param name="slide">The slide's position.</param>
    /// <param name="expectedRevision">The revision the caller saw; null: whatever is current when the rewrite starts.</param>
    [Alias("Rewrite")]
    Task<SlideEditResult> Rewrite(string jobId, int slide, int? expectedRevision);
}

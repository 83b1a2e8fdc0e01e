using VibeCoder.Grains.Carousels;

namespace VibeCoder.Gateway.Apis;

/// <summary>A job as <c>GET /api/carousels/{id}</c> shows it.</summary>
/// <remarks>
/// <see cref="Notice"/> is a note while the job is held up (generation delayed by an outage of the AI service: the job
/// continues by itself); null otherwise. <see cref="Revision"/> counts the edits of the finished carousel (also sent
/// as the <c>ETag</c>; send it back as <c>If-Match</c> with an edit), <see cref="UndoDepth"/> how many an undo can take
/// back. Image URLs carry <c>?v={imageKey}</c>, which changes exactly when the slide's image does: a browser fetches only
/// the slides an edit changed, and an image whose <c>v</c> is current may be cached for good. <see cref="Background"/>
/// is the photo of the user's own drawn behind the cover (or every slide), null when the theme's background is used.
/// </remarks>
public sealed record CarouselView(
    string Id,
    string Status,
    string Topic,
    string? Title,
    IReadOnlyList<SlideItemView> Slides,
    string? Caption,
    IReadOnlyList<string> Hashtags,
    string? Error,
    string? Step,
    int SlideCount,
    int RenderedSlides,
    string Theme,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Notice,
    int Revision,
    int UndoDepth,
    BackgroundView? Background)
{
    /// <summary>Maps a job snapshot; image URLs are relative to the API root.</summary>
    public static CarouselView From(CarouselJobSnapshot job) => new(
        job.Id,
        job.Status.ToString().ToLowerInvariant(),
        job.Request.Topic,
        job.Content?.Title,
        job.Slides.Select(s => new SlideItemView(s.Index, s.Kind.ToString(), s.Heading, s.Body, $"/api/carousels/{job.Id}/slides/{s.Index}.png?v={s.ImageKey}", s.ImageKey)).ToArray(),
        job.Content?.Caption,
        job.Content?.Hashtags ?? [],
        job.Error,
        job.Step?.ToString().ToLowerInvariant(),
        job.Request.SlideCount,
        job.RenderedSlides,
        job.Request.Design.Theme,
        job.CreatedAt,
        job.CompletedAt,
        job.Notice,
        job.Revision,
        job.UndoDepth,
        job.Request.Design.Background is { } background
            ? new BackgroundView(background.ImageHash, background.FocusX, background.FocusY, background.AllSlides)
            : null);
}

/// <summary>One slide in a <see cref="CarouselView"/>.</summary>
public sealed record SlideItemView(int Index, string Kind, string Heading, string Body, string ImageUrl, string ImageKey);

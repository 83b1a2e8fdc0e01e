using VibeCoder.Grains.Carousels;

namespace VibeCoder.Gateway.Apis;

/// <summary>A job as <c>GET /api/carousels/{id}</c> shows it.</summary>
/// <remarks>
/// <see cref="Notice"/> is a note while the job is held up (generation delayed by an outage of the AI service: the job
/// continues by itself); null otherwise.
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
    string? Notice)
{
    /// <summary>Maps a job snapshot; image URLs are relative to the API root.</summary>
    public static CarouselView From(CarouselJobSnapshot job) => new(
        job.Id,
        job.Status.ToString().ToLowerInvariant(),
        job.Request.Topic,
        job.Content?.Title,
        job.Slides.Select(s => new SlideItemView(s.Index, s.Kind.ToString(), s.Heading, s.Body, $"/api/carousels/{job.Id}/slides/{s.Index}.png")).ToArray(),
        job.Content?.Caption,
        job.Content?.Hashtags ?? [],
        job.Error,
        job.Step?.ToString().ToLowerInvariant(),
        job.Request.SlideCount,
        job.RenderedSlides,
        job.Request.Design.Theme,
        job.CreatedAt,
        job.CompletedAt,
        job.Notice);
}

/// <summary>One slide in a <see cref="CarouselView"/>.</summary>
public sealed record SlideItemView(int Index, string Kind, string Heading, string Body, string ImageUrl);

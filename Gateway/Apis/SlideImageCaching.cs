using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using VibeCoder.Grains.Carousels;
using Orleans;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// Slide images addressed by version (<c>?v={imageKey}</c>). The key names the pixels (<see cref="SlideImageKey"/>), so
/// an answer whose <c>v</c> is the slide's current key is marked immutable and browsers never ask again; after an edit
/// the view carries a new <c>v</c> for exactly the slides that changed. A stale <c>v</c> gets the current image with
/// <c>no-cache</c>, so a cache cannot pin the old picture to that URL. The key is also the <c>ETag</c> (304 on
/// <c>If-None-Match</c>).
/// </summary>
internal static class SlideImageCaching
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetVersionedAsync(
        string id, int number, string v, CarouselImages images, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        var job = await grains.GetGrain<ICarouselJobGrain>(id).Get().WaitAsync(cancellationToken);
        if (job?.Content is not { } content || number < 1 || number > content.Slides.Count)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Slide not found", detail: $"Carousel {id} has no slide {number} (yet).");
        }

        var key = SlideImageKey.Of(content.Slides[number - 1], number, content.Slides.Count);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue($"\"{key}\"");
        http.Response.Headers.CacheControl = string.Equals(key, v, StringComparison.Ordinal) ? Immutable : Revalidate;
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Tag == headers.ETag.Tag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var png = (await images.GetSlidesAsync(job, [number], cancellationToken).WaitAsync(cancellationToken))[0];
        return TypedResults.File(png, "image/png", $"slide-{number:00}.png");
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using Orleans;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// Checks an uploaded background image as the bot checks a logo (<see cref="BackgroundPhotos"/>: over 20 MB, SVG,
/// not an image, too many pixels — each refused with problem+json and nothing stored), and stores the downscaled
/// JPEG durably under its SHA-256 for the carousel's design to name.
/// </summary>
public static class BackgroundUpload
{
    /// <summary>
    /// The largest multipart body <c>POST /api/carousels</c> reads: the image's 20 MiB plus room for the form fields
    /// and part headers.
    /// </summary>
    public const long MaxBodyBytes = BackgroundPhotos.MaxUploadBytes + (256 * 1024);

    /// <summary>Checks, converts and stores <paramref name="file"/>.</summary>
    /// <returns>The background to draw, or the problem to answer with.</returns>
    public static async Task<(SlideBackground? Background, ProblemHttpResult? Problem)> StoreAsync(
        IFormFile file, (double X, double Y) focus, bool allSlides, IGrainFactory grains, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(grains);
        if (file.Length > BackgroundPhotos.MaxUploadBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Background image too large",
                $"The background image may have at most {BackgroundPhotos.MaxUploadBytes / (1024 * 1024)} MB; this one has {file.Length / (1024.0 * 1024.0):0.#} MB."));
        }

        if (file.ContentType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase)
            || file.FileName.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return (null, SvgRefused());
        }

        var data = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(data, cancellationToken);
        }

        // Decoding a phone photo takes a few hundred milliseconds of CPU: off the request's thread.
        var photo = await Task.Run(() => BackgroundPhotos.Prepare(data), cancellationToken);
        switch (photo.Refusal)
        {
            case LogoRefusal.Svg:
                return (null, SvgRefused());
            case LogoRefusal.NotAnImage:
                return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Not an image",
                    "The background file is not a picture that can be read; send a JPEG, PNG or WebP."));
            case LogoRefusal.TooLarge:
                return (null, Problem(StatusCodes.Status400BadRequest, "Background image has too many pixels",
                    $"The background image is {photo.SourceWidth}×{photo.SourceHeight} pixels; at most {LogoImages.MaxSourceSide} pixels a side and {LogoImages.MaxSourcePixels / 1_000_000} megapixels are accepted."));
        }

        await grains.GetGrain<IBackgroundPhotoGrain>(photo.Hash).Store(photo.Jpeg).WaitAsync(cancellationToken);
        return (new SlideBackground(photo.Hash, focus.X, focus.Y, allSlides), null);
    }

    private static ProblemHttpResult SvgRefused() => Problem(StatusCodes.Status415UnsupportedMediaType, "SVG not supported",
        "SVG drawings cannot be a background; export the picture as PNG or JPEG.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

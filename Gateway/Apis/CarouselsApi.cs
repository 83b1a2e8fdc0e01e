using Microsoft.AspNetCore.Http.HttpResults;
using VibeCoder.Content;
using VibeCoder.Gateway.Edge;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Carousels.EditLinks;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering;
using VibeCoder.Rendering.Themes;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Gateway.Apis;

/// <summary>The carousel HTTP API: create a job, watch it, fetch its slides, ZIP and PDF.</summary>
public static class CarouselsApi
{
    /// <summary>Maps <c>/api/carousels</c>.</summary>
    public static RouteGroupBuilder MapCarouselsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/carousels").WithTags("Carousels")
            .AddEndpointFilter<ApiKeyFilter>()
            .WithRequestBodyLimit(PublicApiProtectionExtensions.MaxApiBodyBytes);
        group.MapPost("/", CreateAsync).RequireRateLimiting(CarouselCreationRateLimit.PolicyName);

        // The same resource with a background image: routing picks this endpoint by the multipart Content-Type, so it
        // alone may read a body of up to 20 MB while the JSON endpoint keeps its 1 MiB. A request without a Content-Type
        // matches both; the later order leaves it to the JSON endpoint, as before there was a second one.
        group.MapPost("/", CreateWithBackgroundAsync)
            .Accepts<CarouselForm>("multipart/form-data")
            .WithOrder(1)
            .WithRequestBodyLimit(BackgroundUpload.MaxBodyBytes)
            .RequireRateLimiting(CarouselCreationRateLimit.PolicyName);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/slides/{number:int}.png", GetSlideAsync);
        group.MapGet("/{id}/slides/{number:int}.jpg", GetSlideJpegAsync);
        group.MapGet("/{id}/archive.zip", GetZipAsync);
        group.MapGet("/{id}/archive.pdf", GetPdfAsync);
        group.MapPost("/{id}/cancel", CancelAsync);
        endpoints.MapGet("/api/themes", GetThemes).WithTags("Carousels");
        return group;
    }

    /// <summary>The theme names the renderer knows, default first.</summary>
    public static Ok<IReadOnlyList<string>> GetThemes() =>
        TypedResults.Ok<IReadOnlyList<string>>([SlideThemes.DefaultName, .. SlideThemes.Names.Where(n => n != SlideThemes.DefaultName)]);

    /// <summary>
    /// Validates the request, charges the user's quota and starts the workflow. Only a caller with an API key may name
    /// the user (<c>userId</c>) it acts for: anyone else could spend a stranger's quota.
    /// </summary>
    internal static async Task<Results<Accepted<CarouselAccepted>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCarouselBody? body, IGrainFactory grains, ApiKeyRing keys, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body with a topic is required."] });
        }

        return await AcceptAsync(body, upload: null, grains, keys, http, cancellationToken);
    }

    /// <summary>
    /// <see cref="CreateAsync"/> from a
    /// <c>multipart/form-data</c> body (<see cref="CarouselForm"/>) that may carry a background image: checked like the
    /// bot's logo upload, stored durably, drawn behind the cover (or every slide).
    /// </summary>
    internal static async Task<Results<Accepted<CarouselAccepted>, ValidationProblem, ProblemHttpResult>> CreateWithBackgroundAsync(
        IGrainFactory grains, ApiKeyRing keys, HttpContext http, CancellationToken cancellationToken)
    {
        IFormCollection fields;
        try
        {
            fields = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            // A body over the limit is a BadHttpRequestException instead, answered 413 by the exception handler.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed form", detail: malformed.Message);
        }

        var (form, errors) = CarouselForm.Read(fields);
        return form is null ? TypedResults.ValidationProblem(errors) : await AcceptAsync(form.Body, form, grains, keys, http, cancellationToken);
    }

    private static async Task<Results<Accepted<CarouselAccepted>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        CreateCarouselBody body, CarouselForm? upload, IGrainFactory grains, ApiKeyRing keys, HttpContext http, CancellationToken cancellationToken)
    {
        if (body.UserId is { Length: > 0 } && keys.Identify(http) != ApiCaller.Trusted)
        {
            return ApiKeyFilter.Unauthorized(http, $"Acting for a user (userId) needs an API key ({ApiKeyRing.HeaderName} or Authorization: Bearer).");
        }

        var settings = body.UserId is { Length: > 0 } userId
            ? (await grains.GetGrain<IUserGrain>(userId).GetProfile().WaitAsync(cancellationToken)).Settings
            : new UserSettings();
        var (request, errors) = CarouselRequestValidator.Validate(body, settings);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (upload?.Background is { } file)
        {
            // After the fields are valid: a request refused for its topic stores no photo.
            var (background, refused) = await BackgroundUpload.StoreAsync(file, upload.Focus, upload.AllSlides, grains, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            request = request with { Design = request.Design with { Background = background } };
        }

        if (!IdempotencyKey.TryRead(http.Request.Headers, out var idempotencyKey, out var keyError))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [keyError!] });
        }

        var jobId = idempotencyKey is null ? Guid.NewGuid().ToString("N") : IdempotencyKey.JobIdFor(idempotencyKey, request.UserId);
        if (idempotencyKey is not null && await grains.GetGrain<ICarouselJobGrain>(jobId).Get().WaitAsync(cancellationToken) is { } started)
        {
            // A retry of a request that got as far as a job (its answer may have been lost, or storage failed after the
            // job was written): the same job, not a second one. It goes through the same steps below, which are
            // idempotent per job: the quota is charged once, and starting again revives a workflow the failure stopped.
            if (!IdempotencyKey.IsSameRequest(started.Request, request))
            {
                return KeyReused();
            }

            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        RequestContext.Set("correlation-id", http.TraceIdentifier);
        if (request.UserId is { } user)
        {
            var quota = await grains.GetGrain<IUserGrain>(user).TryReserveQuota(jobId).WaitAsync(cancellationToken);
            if (!quota.Allowed)
            {
                if (quota.NextAllowedAt is { } next)
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((next - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Carousel quota reached",
                    detail: quota.NextAllowedAt is { } at
                        ? $"The hourly limit is reached; the next carousel is possible at {at:u}."
                        : "This user may not create carousels.");
            }
        }

        CarouselJobSnapshot job;
        try
        {
            job = await grains.GetGrain<IWorkflowGrain>(jobId).Start(request).WaitAsync(cancellationToken);
        }
        catch (Exception) when (request.UserId is { } charged)
        {
            // Refused (the caller sees an error and may retry): give the reserved carousel back if storage lets us.
            await RefundQuietlyAsync(grains.GetGrain<IUserGrain>(charged), jobId);
            throw;
        }

        if (idempotencyKey is not null && !IdempotencyKey.IsSameRequest(job.Request, request))
        {
            // The same key raced in with another body and that one started the job.
            return KeyReused();
        }

        var link = await http.RequestServices.GetRequiredService<EditLinkSigner>().IssueAsync(job.Id, request.UserId, cancellationToken);
        return TypedResults.Accepted(
            $"/api/carousels/{jobId}", new CarouselAccepted(job.Id, job.Status.ToString().ToLowerInvariant(), new EditLinkView(link.Token, link.Url, link.ExpiresAt)));
    }

    private static ProblemHttpResult KeyReused() => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Idempotency-Key reused",
        detail: $"This {IdempotencyKey.HeaderName} was already used for a different request; send a new key for a new carousel.");

    /// <summary>
    /// The job: status, slides, caption, hashtags, error. With <c>?waitSeconds=N</c> (at most 25) the answer is
    /// held until the job is final or N seconds passed (long-polling instead of polling). The <c>ETag</c> is the
    /// revision (<see cref="RevisionTag"/>), for <c>If-Match</c> on edits.
    /// </summary>
    public static async Task<Results<Ok<CarouselView>, ProblemHttpResult>> GetAsync(
        string id, int? waitSeconds, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        if (!IsJobId(id))
        {
            return NotFound(id);
        }

        var job = grains.GetGrain<ICarouselJobGrain>(id);
        var snapshot = waitSeconds is > 0
            ? await job.WaitUntilFinal(TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, 25))).WaitAsync(cancellationToken)
            : await job.Get().WaitAsync(cancellationToken);
        if (snapshot is null)
        {
            return NotFound(id);
        }

        http.Response.Headers.ETag = RevisionTag.Format(snapshot.Revision);
        return TypedResults.Ok(CarouselView.From(snapshot));
    }

    /// <summary>
    /// Slide <paramref name="number"/> (from 1) as a 1080×1350 (or 1080×1080) PNG. With <c>?v={imageKey}</c> (as the
    /// view's image URLs carry) the answer is cacheable for good while that key is current; see <see cref="SlideImageCaching"/>.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetSlideAsync(
        string id, int number, string? v, CarouselImages images, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        if (v is not null)
        {
            return IsJobId(id)
                ? await SlideImageCaching.GetVersionedAsync(id, number, v, images, grains, http, cancellationToken)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Slide not found", detail: $"Carousel {id} has no slide {number} (yet).");
        }

        var png = IsJobId(id) ? await images.GetSlideAsync(id, number, cancellationToken).WaitAsync(cancellationToken) : null;
        return png is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Slide not found", detail: $"Carousel {id} has no slide {number} (yet).")
            : TypedResults.File(png, "image/png", $"slide-{number:00}.png");
    }

    /// <summary>
    /// Slide <paramref name="number"/> (from 1) as a JPEG of the same size (Instagram's publishing API takes JPEG only),
    /// encoded from the slide's PNG at quality <see cref="SlideJpeg.Quality"/>.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSlideJpegAsync(
        string id, int number, CarouselImages images, CancellationToken cancellationToken)
    {
        var jpeg = IsJobId(id) ? await images.GetSlideAsync(id, number, SlideImageFormat.Jpeg, cancellationToken).WaitAsync(cancellationToken) : null;
        return jpeg is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Slide not found", detail: $"Carousel {id} has no slide {number} (yet).")
            : TypedResults.File(jpeg, "image/jpeg", $"slide-{number:00}.jpg");
    }

    /// <summary>All slides plus caption.txt; <c>?format=jpg</c> packs the slides as JPEG (default <c>png</c>).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetZipAsync(
        string id, string? format, CarouselImages images, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var imageFormat))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown image format",
                detail: $"format must be 'png' (the default) or 'jpg', not '{format}'.");
        }

        var zip = IsJobId(id) ? await images.GetZipAsync(id, imageFormat, cancellationToken).WaitAsync(cancellationToken) : null;
        return zip is null ? NoContentYet(id) : TypedResults.File(zip, "application/zip", $"carousel-{id}.zip");
    }

    /// <summary>The carousel as one multi-page PDF (for LinkedIn).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPdfAsync(string id, CarouselImages images, CancellationToken cancellationToken)
    {
        var pdf = IsJobId(id) ? await images.GetPdfAsync(id, cancellationToken).WaitAsync(cancellationToken) : null;
        return pdf is null ? NoContentYet(id) : TypedResults.File(pdf, "application/pdf", $"carousel-{id}.pdf");
    }

    /// <summary>Cancels a running job.</summary>
    public static async Task<Results<Ok<CarouselView>, ProblemHttpResult>> CancelAsync(string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!IsJobId(id) || await grains.GetGrain<ICarouselJobGrain>(id).Get().WaitAsync(cancellationToken) is not { } job)
        {
            return NotFound(id);
        }

        if (job.IsFinal || !await grains.GetGrain<IWorkflowGrain>(id).Cancel().WaitAsync(cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already finished", detail: $"Carousel {id} is {job.Status.ToString().ToLowerInvariant()}.");
        }

        return TypedResults.Ok(CarouselView.From(await grains.GetGrain<ICarouselJobGrain>(id).Get().WaitAsync(cancellationToken) ?? job));
    }

    private static async Task RefundQuietlyAsync(IUserGrain user, string jobId)
    {
        try
        {
            await user.RefundQuota(jobId).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception refundError) when (refundError is not OutOfMemoryException)
        {
            // Storage is away: the reservation stays and expires with the quota window (at most one carousel-hour).
        }
    }

    private static bool TryParseFormat(string? format, out SlideImageFormat imageFormat)
    {
        imageFormat = SlideImageFormat.Png;
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "png":
                return true;
            case "jpg" or "jpeg":
                imageFormat = SlideImageFormat.Jpeg;
                return true;
            default:
                return false;
        }
    }

    private static bool IsJobId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Carousel not found", detail: $"No carousel has the id '{id}'.");

    private static ProblemHttpResult NoContentYet(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not ready", detail: $"Carousel {id} does not exist or is not written yet.");
}

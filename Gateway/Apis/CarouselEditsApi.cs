using Microsoft.AspNetCore.Http.HttpResults;
using VibeCoder.Gateway.Edge;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Carousels.EditLinks;
using Orleans;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// Edits of a finished carousel, slide by slide: new words, a rewrite by the content generator, removal, a move, undo.
/// Each is one call of the job grain (ordered, stored before it answers); the slides whose image changed are drawn
/// before the answer, so the page's next request for them is a cache hit. Every endpoint needs the carousel's edit
/// token or an API key (<see cref="EditAccessFilter"/>) and honours <c>If-Match</c> with the revision
/// (<see cref="RevisionTag"/>).
/// </summary>
public static partial class CarouselEditsApi
{
    private const string RewriteRetryAfterSeconds = "30";

    /// <summary>Maps the edit endpoints under <c>/api/carousels/{id}</c>.</summary>
    public static RouteGroupBuilder MapCarouselEditsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/carousels/{id}").WithTags("Carousel edits")
            .AddEndpointFilter<ApiKeyFilter>()
            .AddEndpointFilter<EditAccessFilter>()
            .WithRequestBodyLimit(PublicApiProtectionExtensions.MaxApiBodyBytes);
        group.MapPatch("/slides/{number:int}", EditTextAsync);
        group.MapPost("/slides/{number:int}/rewrite", RewriteAsync).RequireRateLimiting(SlideRewriteRateLimit.PolicyName);
        group.MapDelete("/slides/{number:int}", RemoveAsync);
        group.MapPost("/slides/{number:int}/move", MoveAsync);
        group.MapPost("/undo", UndoAsync);
        group.MapPost("/edit-link", IssueLinkAsync);
        return group;
    }

    /// <summary>New heading and/or body for slide <paramref name="number"/>.</summary>
    public static Task<Results<Ok<CarouselView>, ProblemHttpResult>> EditTextAsync(
        string id, int number, EditSlideBody? body, IGrainFactory grains, CarouselImages images, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null || (body.Heading is null && body.Body is null))
        {
            return Task.FromResult<Results<Ok<CarouselView>, ProblemHttpResult>>(
                Unprocessable("A JSON body with a heading, a body or both is required."));
        }

        return ApplyAsync(id, (job, revision) => job.EditSlide(SlideEdit.Text(number, body.Heading, body.Body), revision), grains, images, http, cancellationToken);
    }

    /// <summary>Slide <paramref name="number"/> written anew by the content generator.</summary>
    public static Task<Results<Ok<CarouselView>, ProblemHttpResult>> RewriteAsync(
        string id, int number, IGrainFactory grains, CarouselImages images, HttpContext http, CancellationToken cancellationToken) =>
        ApplyAsync(id, (_, revision) => grains.GetGrain<ISlideRewriterGrain>(0).Rewrite(id, number, revision), grains, images, http, cancellationToken);

    /// <summary>Takes slide <paramref name="number"/> out (not the cover nor the last slide).</summary>
    public static Task<Results<Ok<CarouselView>, ProblemHttpResult>> RemoveAsync(
        string id, int number, IGrainFactory grains, CarouselImages images, HttpContext http, CancellationToken cancellationToken) =>
        ApplyAsync(id, (job, revision) => job.EditSlide(SlideEdit.Remove(number), revision), grains, images, http, cancellationToken);

    /// <summary>Moves slide <paramref name="number"/> to position <c>to</c>.</summary>
    public static Task<Results<Ok<CarouselView>, ProblemHttpResult>> MoveAsync(
        string id, int number, MoveSlideBody? body, IGrainFactory grains, CarouselImages images, HttpContext http, CancellationToken cancellationToken)
    {
        if (body?.To is not { } to)
        {
            return Task.FromResult<Results<Ok<CarouselView>, ProblemHttpResult>>(Unprocessable("A JSON body with the position to move to ({\"to\": 3}) is required."));
        }

        return ApplyAsync(id, (job, revision) => job.EditSlide(SlideEdit.Move(number, to), revision), grains, images, http, cancellationToken);
    }

    /// <summary>Takes the last edit back.</summary>
    public static Task<Results<Ok<CarouselView>, ProblemHttpResult>> UndoAsync(
        string id, IGrainFactory grains, CarouselImages images, HttpContext http, CancellationToken cancellationToken) =>
        ApplyAsync(id, (job, revision) => job.Undo(revision), grains, images, http, cancellationToken);

    /// <summary>
    /// A signed edit link for the carousel, for integrations holding an API key (a link's own token cannot extend itself).
    /// </summary>
    internal static async Task<Results<Ok<EditLinkView>, ProblemHttpResult>> IssueLinkAsync(
        string id, IGrainFactory grains, EditLinkSigner links, ApiKeyRing keys, HttpContext http, CancellationToken cancellationToken)
    {
        if (keys.Identify(http) != ApiCaller.Trusted)
        {
            return ApiKeyFilter.Unauthorized(http, $"Issuing edit links needs an API key ({ApiKeyRing.HeaderName} or Authorization: Bearer).");
        }

        if (!CarouselIds.IsJobId(id) || await grains.GetGrain<ICarouselJobGrain>(id).Get().WaitAsync(cancellationToken) is not { } job)
        {
            return CarouselIds.NotFound(id);
        }

        var link = await links.IssueAsync(job.Id, job.Request.UserId, cancellationToken);
        return TypedResults.Ok(new EditLinkView(link.Token, link.Url, link.ExpiresAt));
    }

    private static async Task<Results<Ok<CarouselView>, ProblemHttpResult>> ApplyAsync(
        string id,
        Func<ICarouselJobGrain, int?, Task<SlideEditResult>> edit,
        IGrainFactory grains,
        CarouselImages images,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!CarouselIds.IsJobId(id))
        {
            return CarouselIds.NotFound(id);
        }

        if (!RevisionTag.TryParseIfMatch(http.Request.Headers.IfMatch, out var expected))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unreadable If-Match",
                detail: "If-Match must be one revision as the ETag of GET /api/carousels/{id} gives it, e.g. \"3\".");
        }

        var result = await edit(grains.GetGrain<ICarouselJobGrain>(id), expected).WaitAsync(cancellationToken);
        if (result.Job is { } current)
        {
            http.Response.Headers.ETag = RevisionTag.Format(current.Revision);
        }

        switch (result.Outcome)
        {
            case SlideEditOutcome.Applied:
                await DrawChangedAsync(result, images, http, cancellationToken);
                return TypedResults.Ok(CarouselView.From(result.Job!));
            case SlideEditOutcome.NotFound:
                return CarouselIds.NotFound(id);
            case SlideEditOutcome.NotEditable:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not editable", detail: result.Error);
            case SlideEditOutcome.NothingToUndo:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to undo", detail: result.Error);
            case SlideEditOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile", detail: result.Error);
            case SlideEditOutcome.Unavailable:
                // The generator is out (its circuit breaker stays open about this long); the slide is unchanged.
                http.Response.Headers.RetryAfter = RewriteRetryAfterSeconds;
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Rewrite unavailable", detail: result.Error);
            default:
                return Unprocessable(result.Error ?? "The edit is not possible.");
        }
    }

    // The edit is stored; drawing is only a head start for the requests that follow, so a failure here is logged and
    // the slide is drawn on request instead (a retry of the edit itself would now conflict).
    private static async Task DrawChangedAsync(SlideEditResult result, CarouselImages images, HttpContext http, CancellationToken cancellationToken)
    {
        if (result.ChangedSlides.Count == 0)
        {
            return;
        }

        try
        {
            await images.GetSlidesAsync(result.Job!, result.ChangedSlides, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CarouselEditsApi));
            Log.PreDrawFailed(logger, result.Job!.Id, exception);
        }
    }

    private static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Edit not possible", detail: detail);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Carousel {JobId}: edited slides could not be drawn ahead; they are drawn on request")]
        public static partial void PreDrawFailed(ILogger logger, string jobId, Exception exception);
    }
}

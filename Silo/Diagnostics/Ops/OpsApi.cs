using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Silo.Diagnostics.Ops;

// In the Diagnostics namespace beside MapVibeCoderDiagnostics, so hosts map both with one using.
namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// The ops page at <c>/ops</c>, beside the Orleans dashboard and behind the same access rule: what the Orleans
/// dashboard cannot show of this product — the carousel pipeline, stream dead letters with re-drive, and the event
/// journal of one job. Dead letters and the journal come from <see cref="IOpsDeadLetters"/> and
/// <see cref="IOpsJournal"/> when the storage registers them; otherwise their sections say they are not available.
/// </summary>
public static partial class OpsApi
{
    /// <summary>The header a re-drive must carry (the page sends it; a cross-site form cannot).</summary>
    public const string RequestHeader = "X-Ops-Request";

    private const int MaxIdLength = 200;

    /// <summary>
    /// Maps the page (<c>GET /ops</c> → <c>ops/</c>, its script and style), its JSON API under <c>/ops/api/</c>
    /// (<c>features</c>, <c>pipeline</c>, <c>dead-letters</c>, <c>POST dead-letters/{id}/redrive</c>, <c>jobs/{jobId}/journal</c>),
    /// all behind <see cref="DiagnosticsHostingExtensions.DashboardPolicy"/>, and the anonymous
    /// <c>GET /ops/api/access</c> the preview page asks before it shows its admin link.
    /// </summary>
    public static RouteGroupBuilder MapVibeCoderOps(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/ops/api/access", GetAccessAsync).AllowAnonymous().ExcludeFromDescription();
        var group = endpoints.MapGroup("/ops").RequireAuthorization(DiagnosticsHostingExtensions.DashboardPolicy).ExcludeFromDescription();
        group.MapGet("/", GetPage);
        group.MapGet("/ops.js", () => Asset(OpsAssets.Script, "text/javascript; charset=utf-8"));
        group.MapGet("/ops.css", () => Asset(OpsAssets.Style, "text/css; charset=utf-8"));
        var api = group.MapGroup("/api");
        api.AddEndpointFilter(static (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return next(context);
        });
        api.MapGet("/features", GetFeatures);
        api.MapGet("/pipeline", GetPipeline);
        api.MapGet("/dead-letters", GetDeadLettersAsync);
        api.MapPost("/dead-letters/{id}/redrive", RedriveAsync);
        api.MapGet("/jobs/{jobId}/journal", GetJournalAsync);
        return group;
    }

    /// <summary>The page; without the trailing slash a relative redirect to it, so a path prefix (ingress) survives.</summary>
    internal static Results<RedirectHttpResult, FileContentHttpResult> GetPage(HttpContext http)
    {
        if (http.Request.Path.Value?.EndsWith('/') != true)
        {
            return TypedResults.Redirect("ops/" + http.Request.QueryString);
        }

        http.Response.Headers.ContentSecurityPolicy = OpsAssets.ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        return Asset(OpsAssets.Page, "text/html; charset=utf-8");
    }

    /// <summary>Which sections have a source in this process (the page hides the journal form when it has none).</summary>
    internal static Ok<OpsFeaturesView> GetFeatures(
        [FromServices] IPipelineMonitor? monitor, [FromServices] IOpsDeadLetters? deadLetters, [FromServices] IOpsJournal? journal) =>
        TypedResults.Ok(new OpsFeaturesView(monitor is not null, deadLetters is not null, journal is not null));

    /// <summary>Jobs per status, step latencies and recent failures in this process.</summary>
    internal static Ok<OpsSection<OpsPipelineView>> GetPipeline([FromServices] IPipelineMonitor? monitor)
    {
        if (monitor is null)
        {
            return TypedResults.Ok(OpsSection<OpsPipelineView>.Unavailable("no grains run in this process"));
        }

        var snapshot = monitor.Snapshot();
        return TypedResults.Ok(OpsSection<OpsPipelineView>.Of(new OpsPipelineView(
            snapshot.InFlight,
            snapshot.JobsByStatus.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            [.. snapshot.Steps.Select(s => new OpsStepView(s.Step.ToString().ToLowerInvariant(), s.Count, s.Failures, s.MeanMs, s.MaxMs))],
            [.. snapshot.RecentFailures.Select(f => new OpsFailureView(f.JobId, f.Topic, f.Step?.ToString().ToLowerInvariant(), f.Error, f.At))])));
    }

    /// <summary>The newest dead letters (<c>?limit=</c>, 1–500, default 50).</summary>
    internal static async Task<Ok<OpsSection<OpsDeadLettersView>>> GetDeadLettersAsync(
        int? limit, [FromServices] IOpsDeadLetters? deadLetters, CancellationToken cancellationToken)
    {
        if (deadLetters is null)
        {
            return TypedResults.Ok(OpsSection<OpsDeadLettersView>.Unavailable(OpsSection<OpsDeadLettersView>.NotOnThisStorage));
        }

        var items = await deadLetters.ListAsync(Math.Clamp(limit ?? 50, 1, 500), cancellationToken);
        return TypedResults.Ok(OpsSection<OpsDeadLettersView>.Of(new OpsDeadLettersView(items)));
    }

    /// <summary>Publishes a dead letter's event again; needs the <see cref="RequestHeader"/> header.</summary>
    internal static async Task<Results<Ok<OpsRedrivenView>, ProblemHttpResult>> RedriveAsync(
        string id, HttpContext http, [FromServices] IOpsDeadLetters? deadLetters, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (http.Request.Headers[RequestHeader] != "1")
        {
            return Problem(StatusCodes.Status400BadRequest, $"The {RequestHeader}: 1 header is required", "A re-drive changes state; the ops page sends the header.");
        }

        if (deadLetters is null)
        {
            return Problem(StatusCodes.Status501NotImplemented, "Dead letters are not available on this storage", null);
        }

        if (!IsAcceptableId(id))
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed dead letter id", $"At most {MaxIdLength} printable characters.");
        }

        if (!await deadLetters.RedriveAsync(id, cancellationToken))
        {
            return Problem(StatusCodes.Status404NotFound, "No dead letter has this id", "It may have been re-driven already.");
        }

        Log.DeadLetterRedriven(loggers.CreateLogger(typeof(OpsApi).FullName!), id, http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown");
        return TypedResults.Ok(new OpsRedrivenView(id, true));
    }

    /// <summary>The domain events recorded for one job (<c>?limit=</c>, 1–1,000, default 200).</summary>
    internal static async Task<Results<Ok<OpsSection<OpsJournalView>>, ProblemHttpResult>> GetJournalAsync(
        string jobId, int? limit, [FromServices] IOpsJournal? journal, CancellationToken cancellationToken)
    {
        if (!IsAcceptableId(jobId))
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed job id", $"At most {MaxIdLength} printable characters.");
        }

        if (journal is null)
        {
            return TypedResults.Ok(OpsSection<OpsJournalView>.Unavailable(OpsSection<OpsJournalView>.NotOnThisStorage));
        }

        var entries = await journal.ReadJobAsync(jobId, Math.Clamp(limit ?? 200, 1, 1000), cancellationToken);
        return TypedResults.Ok(OpsSection<OpsJournalView>.Of(new OpsJournalView(
            jobId,
            [.. entries.Select(e => new OpsJournalEventView(e.EventId, e.Type, e.Timestamp, e.Source, e.CorrelationId, e.CausationId, DataOf(e.DataJson)))])));
    }

    /// <summary>Whether this caller would be let in (no challenge, so the browser shows no login prompt).</summary>
    internal static async Task<Ok<OpsAccessView>> GetAccessAsync(HttpContext http, IOptions<DashboardAccessOptions> access)
    {
        var result = await http.AuthenticateAsync(DashboardAuthenticationHandler.SchemeName);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new OpsAccessView(result.Succeeded, access.Value.RequiresCredentials));
    }

    private static FileContentHttpResult Asset(byte[] content, string contentType) => TypedResults.File(content, contentType);

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static bool IsAcceptableId(string id) =>
        id.Length is > 0 and <= MaxIdLength && !id.Any(char.IsControl);

    private static JsonElement DataOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Dead letter {DeadLetterId} re-driven by {User}")]
        public static partial void DeadLetterRedriven(ILogger logger, string deadLetterId, string user);
    }
}

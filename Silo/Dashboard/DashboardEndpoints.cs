using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Logging;

namespace VibeCoder.Silo.Dashboard;

/// <summary>
/// The dashboard's routes: the page and its two files under <c>/dashboard/</c>, and the JSON API under
/// <c>/dashboard/api/</c>. Every API call counts as a look, keeping the call profiler on.
/// </summary>
/// <remarks>
/// The page uses relative URLs only, so it works under any path prefix an ingress adds: <c>/dashboard</c>
/// redirects to <c>dashboard/</c> (relative too), and from there <c>api/…</c> resolves under the same prefix.
/// </remarks>
internal static class DashboardEndpoints
{
    private const int DeadLetterPreviewLength = 400;

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var dashboard = endpoints.MapGroup("/dashboard").AddEndpointFilter<DashboardAccessFilter>().ExcludeFromDescription();
        dashboard.MapGet("", GetPage);
        dashboard.MapGet("{file}", GetFile);

        var api = dashboard.MapGroup("/api").AddEndpointFilter(KeepProfilingFilter);
        api.MapGet("/overview", GetOverview);
        api.MapGet("/history", GetHistory);
        api.MapGet("/grains", GetGrainTypes);
        api.MapGet("/grains/{grainType}/activations", GetActiveGrains);
        api.MapGet("/state", GetStateAsync);
        api.MapGet("/reminders", GetReminders);
        api.MapGet("/streams", GetStreamsAsync);
        api.MapGet("/pipeline", GetPipeline);
        api.MapGet("/logs", GetLogs);
        return dashboard;
    }

    /// <summary>The page at <c>dashboard/</c>; <c>/dashboard</c> without the slash redirects there so relative URLs resolve.</summary>
    internal static IResult GetPage(HttpContext context)
    {
        if (!(context.Request.Path.Value ?? "").EndsWith('/'))
        {
            return TypedResults.Redirect("dashboard/" + context.Request.QueryString.Value);
        }

        return Serve(context, "index.html");
    }

    internal static IResult GetFile(HttpContext context, string file) => Serve(context, file);

    internal static JsonHttpResult<SiloOverview> GetOverview(ISiloDiagnostics diagnostics) =>
        TypedResults.Json(diagnostics.GetOverview(), DashboardJson.Options);

    internal static JsonHttpResult<IReadOnlyList<CallRateSample>> GetHistory(ISiloDiagnostics diagnostics, int? seconds) =>
        TypedResults.Json(diagnostics.GetHistory(TimeSpan.FromSeconds(Math.Clamp(seconds ?? 300, 1, 3600))), DashboardJson.Options);

    internal static JsonHttpResult<IReadOnlyList<GrainTypeStatistics>> GetGrainTypes(ISiloDiagnostics diagnostics) =>
        TypedResults.Json(diagnostics.GetGrainTypes(), DashboardJson.Options);

    internal static JsonHttpResult<ActiveGrainsPage> GetActiveGrains(ISiloDiagnostics diagnostics, string grainType, int? offset, int? limit) =>
        TypedResults.Json(diagnostics.GetActiveGrains(grainType, offset ?? 0, Math.Clamp(limit ?? 100, 1, 1000)), DashboardJson.Options);

    internal static async Task<Results<JsonHttpResult<GrainStateView>, ProblemHttpResult>> GetStateAsync(
        ISiloDiagnostics diagnostics, string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give the grain as ?id=type/key");
        }

        var view = await diagnostics.ReadStateAsync(GrainId.Parse(id.Trim()), cancellationToken);
        return view is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No hosted grain class has the grain type '{id[..id.IndexOf('/', StringComparison.Ordinal)]}'")
            : TypedResults.Json(view, DashboardJson.Options);
    }

    internal static JsonHttpResult<IReadOnlyList<ReminderInfo>> GetReminders(ISiloDiagnostics diagnostics, int? limit) =>
        TypedResults.Json(diagnostics.GetReminders(Math.Clamp(limit ?? 200, 1, 5000)), DashboardJson.Options);

    internal static async Task<JsonHttpResult<StreamsResponse>> GetStreamsAsync(IServiceProvider services, int? deadLetters, CancellationToken cancellationToken)
    {
        // Registered by every Add…Streams call; a host without stream providers has none.
        if (services.GetService<IStreamDiagnostics>() is not { } streams)
        {
            return TypedResults.Json(new StreamsResponse(false, [], []), DashboardJson.Options);
        }

        var limit = Math.Clamp(deadLetters ?? 50, 1, 500);
        var providers = new List<StreamProviderSnapshot>();
        var letters = new List<DeadLetterView>();
        foreach (var name in streams.ProviderNames)
        {
            providers.Add(await streams.GetSnapshotAsync(name, cancellationToken));
            letters.AddRange((await streams.GetDeadLettersAsync(name, limit, cancellationToken)).Select(d => new DeadLetterView(
                name,
                d.Stream.ToString(),
                d.SequenceNumber,
                d.Subscriber,
                d.Attempts,
                d.Error,
                d.FailedAt,
                d.Payload.Length <= DeadLetterPreviewLength ? d.Payload : d.Payload[..DeadLetterPreviewLength] + "…")));
        }

        return TypedResults.Json(
            new StreamsResponse(true, providers, letters.OrderByDescending(d => d.FailedAt).Take(limit).ToArray()),
            DashboardJson.Options);
    }

    internal static JsonHttpResult<PipelineResponse> GetPipeline(IServiceProvider services)
    {
        var monitor = services.GetService<IPipelineMonitor>();
        return TypedResults.Json(new PipelineResponse(monitor is not null, monitor?.Snapshot()), DashboardJson.Options);
    }

    internal static JsonHttpResult<LogTailResponse> GetLogs(LogTail tail, long? after, int? limit)
    {
        var entries = tail.After(after ?? 0, Math.Clamp(limit ?? 200, 1, 2000));
        var next = entries.Count > 0 ? entries[^1].Sequence : Math.Max(after ?? 0, 0);
        return TypedResults.Json(new LogTailResponse(next, entries), DashboardJson.Options);
    }

    private static ValueTask<object?> KeepProfilingFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<ISiloDiagnostics>().KeepProfiling();
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }

    private static IResult Serve(HttpContext context, string name)
    {
        if (DashboardAssets.Find(name) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}

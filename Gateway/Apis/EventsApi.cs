using Microsoft.AspNetCore.Http.HttpResults;
using VibeCoder.Persistence.Journal;
using VibeCoder.Silo.Diagnostics;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// The event journal: <c>GET /api/events?correlationId=&amp;type=&amp;from=&amp;to=&amp;limit=</c>, oldest first, for
/// developers reading back one job's story (authorised like the dashboard).
/// </summary>
public static class EventsApi
{
    /// <summary>The most events one answer holds when no limit is given.</summary>
    public const int DefaultLimit = 200;

    /// <summary>Maps <c>/api/events</c>.</summary>
    public static RouteHandlerBuilder MapEventsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/events", QueryAsync)
            .WithTags("Events")
            .RequireAuthorization(DiagnosticsHostingExtensions.DashboardPolicy);

    /// <summary>The journaled events matching every filter given.</summary>
    public static async Task<Results<Ok<IReadOnlyList<EventView>>, ProblemHttpResult>> QueryAsync(
        string? correlationId,
        string? type,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? limit,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (services.GetService<IEventJournal>() is not { } journal)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No event journal",
                detail: "The event journal lives in the database; with STORAGE=memory events are only streamed.");
        }

        if (limit is < 1 or > JournalQuery.MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid limit",
                detail: $"limit must be between 1 and {JournalQuery.MaxLimit}.");
        }

        if (from is not null && to is not null && from > to)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid range", detail: "from must not be after to.");
        }

        var entries = await journal.QueryAsync(new JournalQuery(correlationId, type, from, to, limit ?? DefaultLimit), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EventView>>([.. entries.Select(EventView.From)]);
    }
}

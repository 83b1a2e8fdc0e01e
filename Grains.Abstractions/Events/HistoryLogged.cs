using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.HistoryLogged"/>: a job was added to a user's history.</summary>
/// <param name="UserId">The user.</param>
/// <param name="JobId">The carousel job.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="Status">Its final status, e.g. "completed".</param>
[GenerateSerializer, Immutable, Alias("vc.HistoryLogged")]
public sealed record HistoryLogged(string UserId, string JobId, string Topic, string Status) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.HistoryLogged;
}

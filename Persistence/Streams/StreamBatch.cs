using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>
/// A commit batch regrouped by stream, streams sorted by (namespace, key) so every process locks stream heads in the
/// same order (no deadlocks between committers), events of a stream in queue order with their 1-based ordinal.
/// </summary>
internal sealed class StreamBatch
{
    private StreamBatch(IReadOnlyList<StreamGroup> streams, int eventCount)
    {
        Streams = streams;
        EventCount = eventCount;
    }

    public IReadOnlyList<StreamGroup> Streams { get; }

    public int EventCount { get; }

    public static StreamBatch From(IReadOnlyList<AppendRequest> requests)
    {
        var groups = new Dictionary<StreamId, StreamGroup>();
        var eventCount = 0;
        foreach (var request in requests)
        {
            if (!groups.TryGetValue(request.Stream, out var group))
            {
                groups[request.Stream] = group = new StreamGroup(request.Stream);
            }

            group.Requests.Add(request);
            group.Events.AddRange(request.Events);
            eventCount += request.Events.Count;
        }

        var ordered = groups.Values
            .OrderBy(g => g.Stream.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Stream.Key, StringComparer.Ordinal)
            .ToArray();
        return new StreamBatch(ordered, eventCount);
    }

    /// <summary>Numbers a stream's events (in queue order) given the head its commit returned.</summary>
    public static void AssignSequences(StreamGroup group, long lastSequence)
    {
        var next = lastSequence - group.Events.Count + 1;
        foreach (var streamEvent in group.Events)
        {
            streamEvent.Sequence = next++;
        }
    }
}

/// <summary>The events of one stream in a <see cref="StreamBatch"/>.</summary>
internal sealed class StreamGroup(StreamId stream)
{
    public StreamId Stream { get; } = stream;

    public List<AppendRequest> Requests { get; } = [];

    public List<StreamEvent> Events { get; } = [];
}

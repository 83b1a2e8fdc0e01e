using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>
/// The ids of the events a consumer handled most recently, oldest first, at most <see cref="Capacity"/> of them: keep it
/// in the consumer grain's state and skip an event whose id it contains. Delivery is at least once, so the same event
/// can arrive again (a retry, or redelivery after a crash); this is what makes handling it idempotent. Immutable and
/// JSON round-trippable; update state with the returned value.
/// </summary>
/// <param name="Ids">The remembered ids, oldest first.</param>
/// <param name="Capacity">How many ids are remembered (redeliveries come soon after the original, so the recent ones suffice).</param>
/// <remarks>Look-ups scan the list: cheap for the few hundred ids a grain needs; save the state in the same write as the effect.</remarks>
[GenerateSerializer, Immutable, Alias("vc.ProcessedEventIds")]
public sealed record ProcessedEventIds(IReadOnlyList<string> Ids, int Capacity = ProcessedEventIds.DefaultCapacity)
{
    /// <summary>The default number of ids remembered.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>An empty set.</summary>
    public static ProcessedEventIds Empty { get; } = new([], DefaultCapacity);

    /// <summary>Whether <paramref name="eventId"/> was handled.</summary>
    public bool Contains(string eventId)
    {
        foreach (var id in Ids)
        {
            if (string.Equals(id, eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>This set plus <paramref name="eventId"/>, forgetting the oldest ids beyond <see cref="Capacity"/>.</summary>
    public ProcessedEventIds Add(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        if (Contains(eventId))
        {
            return this;
        }

        var capacity = Math.Max(1, Capacity);
        var keep = Math.Min(Ids.Count, capacity - 1);
        var ids = new string[keep + 1];
        for (var i = 0; i < keep; i++)
        {
            ids[i] = Ids[Ids.Count - keep + i];
        }

        ids[keep] = eventId;
        return this with { Ids = ids };
    }

    /// <summary>
    /// Records <paramref name="eventId"/> unless it is already there: true and the updated set when the event is new
    /// (handle it), false and this set when it was seen (skip it).
    /// </summary>
    public bool TryAdd(string eventId, out ProcessedEventIds updated)
    {
        if (Contains(eventId))
        {
            updated = this;
            return false;
        }

        updated = Add(eventId);
        return true;
    }
}

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>One hosted grain type: its activations and calls, with the calls per method (most called first).</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="GrainClass">The grain class's full name.</param>
/// <param name="Activations">Live activations.</param>
/// <param name="QueuedRequests">Requests waiting in the type's mailboxes.</param>
/// <param name="Calls">All calls of the type together.</param>
/// <param name="Methods">Per method, most called first.</param>
public sealed record GrainTypeStatistics(
    string GrainType,
    string GrainClass,
    int Activations,
    int QueuedRequests,
    CallStatistics Calls,
    IReadOnlyList<GrainMethodStatistics> Methods);

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>How many activations of one grain type are live, and how many requests wait in their mailboxes.</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="Activations">Live activations.</param>
/// <param name="QueuedRequests">Requests waiting, all activations of the type together.</param>
public sealed record GrainTypeActivations(string GrainType, int Activations, int QueuedRequests);

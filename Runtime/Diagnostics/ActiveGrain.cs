namespace VibeCoder.Runtime.Diagnostics;

/// <summary>One live activation.</summary>
/// <param name="GrainId">Its identity as <c>type/key</c>.</param>
/// <param name="Key">The key alone.</param>
/// <param name="State">Its lifecycle state (Created, Activating, Valid, Deactivating).</param>
/// <param name="Running">Requests in progress.</param>
/// <param name="QueuedRequests">Requests waiting.</param>
/// <param name="IdleSeconds">Seconds since it last started a request.</param>
public sealed record ActiveGrain(string GrainId, string Key, string State, int Running, int QueuedRequests, double IdleSeconds);

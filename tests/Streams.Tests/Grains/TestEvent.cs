namespace VibeCoder.Streams.Tests.Grains;

/// <summary>The item most tests publish.</summary>
/// <param name="Producer">Who published it.</param>
/// <param name="Index">Its index in the producer's sequence.</param>
/// <param name="Tag">Tells a subscriber how to behave ("poison", "fail-twice").</param>
public sealed record TestEvent(string Producer, int Index, string? Tag = null);

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>Which start of the test silo this is (registered anew on every start), so records tell silos apart across restarts.</summary>
/// <param name="Value">1 for the first start, 2 after the first restart, …</param>
public sealed record SiloGeneration(int Value);

namespace VibeCoder.Bench.Scenarios;

/// <summary>A <c>stream-throughput</c> item: who published it, its index, and the publisher's <c>Stopwatch</c> timestamp.</summary>
[GenerateSerializer, Immutable, Alias("bench.StreamBenchEvent")]
internal sealed record StreamBenchEvent(int Producer, long Index, long PublishedAt);

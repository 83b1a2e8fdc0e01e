using Orleans;
using Orleans.Concurrency;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Users;

/// <summary>One carousel in a user's history.</summary>
[GenerateSerializer, Immutable, Alias("vc.HistoryEntry")]
public sealed record HistoryEntry(string JobId, string Topic, string? Title, JobStatus Status, DateTimeOffset CreatedAt);

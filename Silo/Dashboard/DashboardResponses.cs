using VibeCoder.Grains.Monitoring;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Logging;

namespace VibeCoder.Silo.Dashboard;

/// <summary>The Streams view's answer: whether any stream provider runs here, each provider's snapshot, and the newest dead letters.</summary>
internal sealed record StreamsResponse(bool Available, IReadOnlyList<StreamProviderSnapshot> Providers, IReadOnlyList<DeadLetterView> DeadLetters);

/// <summary>A dead letter as the dashboard lists it: its provider, and the payload cut to a preview.</summary>
internal sealed record DeadLetterView(string Provider, string Stream, long Sequence, string Subscriber, int Attempts, string Error, DateTimeOffset FailedAt, string PayloadPreview);

/// <summary>The Pipeline view's answer: whether the carousel pipeline reports, and its figures.</summary>
internal sealed record PipelineResponse(bool Available, PipelineSnapshot? Snapshot);

/// <summary>The log tail's answer: the events after the asked sequence, and the sequence to ask from next.</summary>
internal sealed record LogTailResponse(long Next, IReadOnlyList<LogTailEntry> Entries);

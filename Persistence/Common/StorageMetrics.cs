using System.Diagnostics;
using System.Diagnostics.Metrics;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// The instruments of the meter <c>VibeCoder.Storage</c>: how long each storage operation took and how many failed.
/// Static because the instruments are process-wide and cost nothing when nobody listens.
/// </summary>
internal static class StorageMetrics
{
    public const string MeterName = "VibeCoder.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "vibecoder.storage.duration", unit: "ms", description: "Duration of storage operations.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "vibecoder.storage.errors", description: "Storage operations that failed with an error (version conflicts excluded).");

    /// <summary>Starts timing one operation.</summary>
    public static StorageMeasurement Start(string provider, string operation) => new(provider, operation, Stopwatch.GetTimestamp());

    /// <summary>Records a finished operation.</summary>
    internal static void Record(in StorageMeasurement measurement, string outcome)
    {
        var tags = new TagList
        {
            { "provider", measurement.Provider },
            { "operation", measurement.Operation },
            { "outcome", outcome },
        };
        Duration.Record(Stopwatch.GetElapsedTime(measurement.StartedAt).TotalMilliseconds, tags);
        if (outcome == StorageOutcome.Error)
        {
            Errors.Add(1, tags);
        }
    }

    /// <summary>The outcome tag for an exception that ended an operation.</summary>
    internal static string OutcomeOf(Exception exception) => exception switch
    {
        InconsistentStateException => StorageOutcome.Conflict,
        OperationCanceledException => StorageOutcome.Cancelled,
        _ => StorageOutcome.Error,
    };
}

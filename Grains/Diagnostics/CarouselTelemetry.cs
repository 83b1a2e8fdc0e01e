using System.Diagnostics;
using System.Diagnostics.Metrics;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Diagnostics;

/// <summary>The pipeline's meter and activity source ("VibeCoder.Carousel"); free when nobody listens.</summary>
internal static class CarouselTelemetry
{
    public const string Name = "VibeCoder.Carousel";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("vibecoder.carousel.jobs", description: "Carousel jobs reaching a status.");

    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "vibecoder.workflow.step.duration", unit: "ms", description: "Duration of workflow step attempts.");

    private static readonly Counter<long> QuotaRejections = Meter.CreateCounter<long>(
        "vibecoder.quota.rejections", description: "Carousel requests refused by the hourly quota.");

    public static void JobReached(JobStatus status) =>
        Jobs.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public static void StepFinished(WorkflowStep step, TimeSpan elapsed, string outcome) =>
        StepDuration.Record(
            elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>("step", step.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome));

    public static void QuotaRejected() => QuotaRejections.Add(1);
}

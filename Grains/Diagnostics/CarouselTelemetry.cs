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

    private static readonly Counter<long> Shed = Meter.CreateCounter<long>(
        "vibecoder.carousel.shed", description: "New carousel jobs refused because the silo held as many unfinished jobs as it may.");

    private static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>(
        "vibecoder.carousel.in_flight", description: "Carousel jobs accepted and not finished on this silo.");

    private static readonly UpDownCounter<long> RendersWaiting = Meter.CreateUpDownCounter<long>(
        "vibecoder.render.waiting", description: "Slide drawings waiting for a render slot.");

    private static readonly UpDownCounter<long> RendersActive = Meter.CreateUpDownCounter<long>(
        "vibecoder.render.active", description: "Slide drawings under way.");

    public static void JobShed() => Shed.Add(1);

    public static void JobsInFlightChanged(int delta) => InFlight.Add(delta);

    public static void RenderWaitingChanged(int delta) => RendersWaiting.Add(delta);

    public static void RenderActiveChanged(int delta) => RendersActive.Add(delta);

    public static void JobReached(JobStatus status) =>
        Jobs.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public static void StepFinished(WorkflowStep step, TimeSpan elapsed, string outcome) =>
        StepDuration.Record(
            elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>("step", step.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome));

    public static void QuotaRejected() => QuotaRejections.Add(1);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Records every incoming grain call's duration and outcome (<c>vibecoder.grain.call.duration</c>, by interface and
/// method): Orleans' own meter has call latency for the silo as a whole, not per grain method.
/// </summary>
/// <remarks>On the hot path of every call: no allocation beyond the tag list, nothing when no one listens.</remarks>
internal sealed class GrainCallMetricsFilter : IIncomingGrainCallFilter
{
    private static readonly Meter Meter = new(TelemetryNames.Grains);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "vibecoder.grain.call.duration", "s", "Duration of incoming grain calls.");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!Duration.Enabled)
        {
            await context.Invoke();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await context.Invoke();
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("grain.interface", context.InterfaceName),
                new KeyValuePair<string, object?>("grain.method", context.MethodName),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

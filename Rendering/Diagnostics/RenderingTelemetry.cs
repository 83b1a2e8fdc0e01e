using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VibeCoder.Rendering.Diagnostics;

/// <summary>
/// The renderer's meter and activity source, both named "VibeCoder.Rendering". Static so that renderers built
/// without DI (tests, the benchmark) report too; each costs a branch when nobody listens.
/// </summary>
internal static class RenderingTelemetry
{
    /// <summary>The meter and activity source name to subscribe to.</summary>
    public const string Name = "VibeCoder.Rendering";

    /// <summary>One span per slide ("render.slide") and per PDF ("render.pdf").</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Milliseconds to draw and encode one slide, or one whole PDF; tagged with "output" (png, pdf).</summary>
    public static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>(
        "vibecoder.render.duration", unit: "ms", description: "Time to draw and encode one slide (png) or one carousel (pdf).");

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void RecordDuration(long startTimestamp, string output)
    {
        if (RenderDuration.Enabled)
        {
            RenderDuration.Record(
                Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds,
                new KeyValuePair<string, object?>("output", output));
        }
    }
}

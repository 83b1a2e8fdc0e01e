using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public void RenderSlide_WithListeners_RecordsDurationAndASpan()
    {
        var renderer = new SkiaSlideRenderer();
        var measurements = new ConcurrentBag<(double Value, string? Output)>();
        var spans = new ConcurrentBag<string>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "VibeCoder.Rendering" && instrument.Name == "vibecoder.render.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? output = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                output = tag.Key == "output" ? tag.Value as string : output;
            }

            measurements.Add((value, output));
        });
        meterListener.Start();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VibeCoder.Rendering",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => spans.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(activityListener);
        string marker = Guid.NewGuid().ToString("N");

        renderer.RenderSlide(new SlideContent(SlideKind.Content, marker, "body"), 1, 1, new RenderOptions("midnight", SlideSize.Portrait, null, null));
        renderer.RenderPdf(new CarouselContent(marker, [SlideSamples.Typical(SlideKind.Cover)], "c", [], "en"), new RenderOptions("mono", SlideSize.Portrait, null, null));

        Assert.Contains(measurements, m => m.Output == "png" && m.Value > 0);
        Assert.Contains(measurements, m => m.Output == "pdf" && m.Value > 0);
        Assert.Contains("render.slide", spans);
        Assert.Contains("render.pdf", spans);
    }
}

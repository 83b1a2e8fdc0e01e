using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Diagnostics;
using VibeCoder.Rendering.Png;
using VibeCoder.Rendering.Layouts;
using VibeCoder.Rendering.Native;
using VibeCoder.Rendering.Text;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering;

/// <summary>
/// Renders slides with cairo and pango (the system libraries, through P/Invoke). Thread-safe without locks: every
/// call makes its own surface, context and layouts and frees them before returning; pango's font map is per thread.
/// </summary>
public sealed partial class CairoSlideRenderer : ISlideRenderer
{
    /// <summary>No text comes closer than this many pixels to any edge of a slide.</summary>
    public const int SafeMargin = SlideCanvas.SafeMargin;

    private readonly ILogger<CairoSlideRenderer> _logger;

    // The warning about missing glyphs is about the machine (an absent font), not the request: say it once
    // (per renderer, which DI makes a singleton: once per process).
    private int _missingGlyphsReported;

    /// <summary>Creates a renderer that logs nowhere (tests, tools).</summary>
    public CairoSlideRenderer()
        : this(NullLogger<CairoSlideRenderer>.Instance)
    {
    }

    /// <summary>Creates a renderer.</summary>
    /// <param name="logger">Receives the one-time warning when characters have no font (e.g. emoji without an emoji font).</param>
    public CairoSlideRenderer(ILogger<CairoSlideRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>The pixel size of a slide.</summary>
    public static (int Width, int Height) Dimensions(SlideSize size) => size switch
    {
        SlideSize.Square => (1080, 1080),
        _ => (1080, 1350),
    };

    /// <inheritdoc />
    public unsafe RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(slide);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNumber, pageCount);
        SlidePalette palette = ResolvePalette(options);
        (int width, int height) = Dimensions(options.Size);

        using Activity? activity = RenderingTelemetry.ActivitySource.StartActivity("render.slide");
        activity?.SetTag("slide.kind", slide.Kind.ToString());
        activity?.SetTag("slide.page", pageNumber);
        long started = Stopwatch.GetTimestamp();

        nint surface = Cairo.ImageSurfaceCreate(Cairo.FormatRgb24, width, height);
        nint context = Cairo.Create(surface);
        try
        {
            var canvas = new SlideCanvas(context, width, height, palette);
            SlidePainter.Paint(canvas, CreatePage(slide, pageNumber, pageCount, options));
            ThrowOnError(Cairo.Status(context), "drawing a slide");
            Cairo.SurfaceFlush(surface);
            ThrowOnError(Cairo.SurfaceStatus(surface), "drawing a slide");

            int stride = Cairo.ImageSurfaceGetStride(surface);
            var pixels = new ReadOnlySpan<byte>(Cairo.ImageSurfaceGetData(surface), stride * height);
            byte[] png = PngEncoder.EncodeRgb24(pixels, width, height, stride);

            ReportStripped(canvas.StrippedCharacters);
            activity?.SetTag("slide.unknown_glyphs", canvas.UnknownGlyphs);
            RenderingTelemetry.RecordDuration(started, "png");
            return new RenderedSlide(png, width, height, canvas.UnknownGlyphs, canvas.StrippedCharacters,
                canvas.SafeArea, canvas.TextBounds, [.. canvas.TextBlocks]);
        }
        finally
        {
            Cairo.Destroy(context);
            Cairo.SurfaceDestroy(surface);
        }
    }

    /// <inheritdoc />
    public unsafe byte[] RenderPdf(CarouselContent content, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (content.Slides is null || content.Slides.Count == 0)
        {
            throw new ArgumentException("The carousel has no slides to put in a PDF.", nameof(content));
        }

        SlidePalette palette = ResolvePalette(options);
        (int width, int height) = Dimensions(options.Size);

        using Activity? activity = RenderingTelemetry.ActivitySource.StartActivity("render.pdf");
        activity?.SetTag("carousel.slides", content.Slides.Count);
        long started = Stopwatch.GetTimestamp();

        // One PDF point per pixel: the page is the slide, and text stays vector.
        using var sink = new PdfStreamSink();
        nint surface = Cairo.PdfSurfaceCreateForStream(PdfStreamSink.Callback, sink.Closure, width, height);
        nint context = 0;
        int stripped = 0;
        try
        {
            ThrowOnError(Cairo.SurfaceStatus(surface), "creating the PDF");
            Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataTitle, TextSanitizer.Clean(content.Title, singleLine: true, maxCharacters: 200));
            Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataCreator, "VibeCoder");
            context = Cairo.Create(surface);
            for (int i = 0; i < content.Slides.Count; i++)
            {
                var canvas = new SlideCanvas(context, width, height, palette);
                SlidePainter.Paint(canvas, CreatePage(content.Slides[i], i + 1, content.Slides.Count, options));
                Cairo.ShowPage(context);
                stripped += canvas.StrippedCharacters;
            }

            ThrowOnError(Cairo.Status(context), "drawing the PDF");
            Cairo.Destroy(context);
            context = 0;

            // Finishing writes the rest of the file through the callback.
            Cairo.SurfaceFinish(surface);
            if (sink.Failure is not null)
            {
                throw new InvalidOperationException("Writing the PDF failed.", sink.Failure);
            }

            ThrowOnError(Cairo.SurfaceStatus(surface), "writing the PDF");
        }
        finally
        {
            if (context != 0)
            {
                Cairo.Destroy(context);
            }

            Cairo.SurfaceDestroy(surface);
        }

        ReportStripped(stripped);
        RenderingTelemetry.RecordDuration(started, "pdf");
        return sink.ToArray();
    }

    private static SlidePalette ResolvePalette(RenderOptions options)
    {
        if (!Themes.SlideThemes.TryGet(options.Theme, out SlideTheme? theme))
        {
            throw new ArgumentException(
                $"Unknown theme '{TextSanitizer.Clean(options.Theme, singleLine: true, maxCharacters: 40)}'. Known themes: {string.Join(", ", Themes.SlideThemes.Names)}.",
                nameof(options));
        }

        return SlidePalette.Create(theme, options.Brand);
    }

    private static SlidePage CreatePage(SlideContent slide, int number, int count, RenderOptions options)
    {
        string heading = TextSanitizer.Clean(slide.Heading, singleLine: true, maxCharacters: 600);
        string body = TextSanitizer.Clean(slide.Body);
        string handle = TextSanitizer.Clean(options.FooterHandle, singleLine: true, maxCharacters: 64);
        bool russian = SlidePage.ContainsCyrillic(heading) || SlidePage.ContainsCyrillic(body);
        return new SlidePage(slide.Kind, heading, body, number, count, handle, russian);
    }

    private static void ThrowOnError(int status, string doing)
    {
        if (status != Cairo.StatusSuccess)
        {
            throw new InvalidOperationException($"cairo failed while {doing}: {Cairo.DescribeStatus(status)}.");
        }
    }

    private void ReportStripped(int strippedCharacters)
    {
        if (strippedCharacters > 0 && Interlocked.Exchange(ref _missingGlyphsReported, 1) == 0)
        {
            Log.MissingGlyphsStripped(_logger, strippedCharacters);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
            Message = "Dropped {Count} characters that no installed font can draw (emoji need the Debian package fonts-noto-color-emoji); this warning is shown once")]
        public static partial void MissingGlyphsStripped(ILogger logger, int count);
    }
}

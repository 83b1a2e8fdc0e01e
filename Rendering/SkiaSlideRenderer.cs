using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Diagnostics;
using VibeCoder.Rendering.Fonts;
using VibeCoder.Rendering.Layouts;
using VibeCoder.Rendering.Text;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering;

/// <summary>
/// Renders slides with SkiaSharp, shaping text with HarfBuzz and finding fonts through fontconfig. Thread-safe
/// without locks: every call draws on its own bitmap or PDF document; the font catalogue it shares is immutable
/// once a style is resolved and built for concurrent use. Same input, same bytes (on one machine and font set).
/// </summary>
public sealed partial class SkiaSlideRenderer : ISlideRenderer
{
    /// <summary>No text comes closer than this many pixels to any edge of a slide.</summary>
    public const int SafeMargin = SlideCanvas.SafeMargin;

    /// <summary>
    /// PNG settings chosen by measurement (docs/rendering.md, bench render-slides): every row gets the "up" filter
    /// (slides are mostly rows like the row above: vertical gradients, flat fills) at zlib level 1 — about 10 ms of CPU
    /// a 1080×1350 slide against some 50 ms for Skia's default (all filters, level 6), for a file a third larger.
    /// </summary>
    internal static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Up, 1);

    private readonly ILogger<SkiaSlideRenderer> _logger;
    private readonly FontCatalog _fonts;
    private readonly BackdropCache _backdrops;

    // The warning about missing glyphs is about the machine (an absent font), not the request: say it once
    // (per renderer, which DI makes a singleton: once per process).
    private int _missingGlyphsReported;

    /// <summary>Creates a renderer that logs nowhere (tests, tools).</summary>
    public SkiaSlideRenderer()
        : this(NullLogger<SkiaSlideRenderer>.Instance)
    {
    }

    /// <summary>Creates a renderer.</summary>
    /// <param name="logger">Receives the one-time warning when characters have no font (e.g. emoji without an emoji font).</param>
    public SkiaSlideRenderer(ILogger<SkiaSlideRenderer> logger)
        : this(logger, BackdropCache.DefaultCapacity)
    {
    }

    /// <summary>Creates a renderer that keeps up to <paramref name="backdropCacheCapacity"/> slide backdrops (0: none).</summary>
    internal SkiaSlideRenderer(ILogger<SkiaSlideRenderer> logger, int backdropCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _fonts = FontCatalog.Shared;
        _backdrops = new BackdropCache(backdropCacheCapacity);
    }

    /// <summary>The backdrops this renderer keeps (tests).</summary>
    internal BackdropCache Backdrops => _backdrops;

    /// <summary>The pixel size of a slide.</summary>
    public static (int Width, int Height) Dimensions(SlideSize size) => size switch
    {
        SlideSize.Square => (1080, 1080),
        SlideSize.Story => (1080, 1920),
        _ => (1080, 1350),
    };

    /// <inheritdoc />
    public RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options) =>
        RenderSlide(slide, pageNumber, pageCount, options, SlideImages.None, profile: null);

    /// <inheritdoc />
    public RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options, SlideImages images) =>
        RenderSlide(slide, pageNumber, pageCount, options, images, profile: null);

    /// <inheritdoc />
    public byte[] RenderPdf(CarouselContent content, RenderOptions options) => RenderPdf(content, options, SlideImages.None);

    /// <summary>Renders one slide as a PNG, noting where the time went.</summary>
    /// <param name="slide">The slide's words and kind.</param>
    /// <param name="pageNumber">The slide's 1-based position, shown in the footer.</param>
    /// <param name="pageCount">How many slides the carousel has.</param>
    /// <param name="options">Theme, size, footer handle and brand colours.</param>
    /// <param name="profile">Receives where the time went (the benchmark), or null.</param>
    internal RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options, RenderProfile? profile) =>
        RenderSlide(slide, pageNumber, pageCount, options, SlideImages.None, profile);

    private RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options, SlideImages images, RenderProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(slide);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNumber, pageCount);
        SlidePalette palette = ResolvePalette(options);
        (int width, int height) = Dimensions(options.Size);

        using Activity? activity = RenderingTelemetry.ActivitySource.StartActivity("render.slide");
        activity?.SetTag("slide.kind", slide.Kind.ToString());
        activity?.SetTag("slide.page", pageNumber);
        long started = Stopwatch.GetTimestamp();

        // Opaque: the PNG is written as RGB without an alpha channel.
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var skia = new SKCanvas(bitmap);
        using SKImage? photo = DecodePhoto(options, images, pageNumber);
        using var canvas = new SlideCanvas(skia, _fonts, width, height, photo is null ? palette : palette.OverPhoto(PhotoBackdrop.BrightestBehindText), isVector: false, profile);
        using SKImage? logo = DecodeLogo(options, images);
        SlidePage page = CreatePage(slide, pageNumber, pageCount, options, logo, photo);
        if (photo is null)
        {
            _backdrops.Paint(canvas, bitmap, page.Kind);
            SlidePainter.PaintForeground(canvas, page);
        }
        else
        {
            // A photo backdrop is this carousel's alone: nothing to share through the backdrop cache.
            SlidePainter.Paint(canvas, page);
        }

        skia.Flush();
        long drawn = Stopwatch.GetTimestamp();

        byte[] png;
        using (SKPixmap pixmap = bitmap.PeekPixels())
        using (SKData data = pixmap.Encode(PngOptions) ?? throw new InvalidOperationException("Skia could not encode the slide as PNG."))
        {
            png = data.ToArray();
        }

        if (profile is not null)
        {
            profile.DrawTicks += drawn - started;
            profile.EncodeTicks += Stopwatch.GetTimestamp() - drawn;
        }

        ReportStripped(canvas.StrippedCharacters);
        activity?.SetTag("slide.unknown_glyphs", canvas.UnknownGlyphs);
        RenderingTelemetry.RecordDuration(started, "png");
        return new RenderedSlide(png, width, height, canvas.UnknownGlyphs, canvas.StrippedCharacters,
            canvas.SafeArea, canvas.TextBounds, [.. canvas.TextBlocks]);
    }

    /// <inheritdoc />
    public byte[] RenderPdf(CarouselContent content, RenderOptions options, SlideImages images)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(images);
        if (content.Slides is null || content.Slides.Count == 0)
        {
            throw new ArgumentException("The carousel has no slides to put in a PDF.", nameof(content));
        }

        SlidePalette palette = ResolvePalette(options);
        (int width, int height) = Dimensions(options.Size);

        using Activity? activity = RenderingTelemetry.ActivitySource.StartActivity("render.pdf");
        activity?.SetTag("carousel.slides", content.Slides.Count);
        long started = Stopwatch.GetTimestamp();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = TextSanitizer.Clean(content.Title, singleLine: true, maxCharacters: 200),
            Creator = "VibeCoder",
            Producer = "VibeCoder",

            // Slides are vector (text, gradients); the only raster parts are images (the brand logo, colour emoji
            // glyphs). Opaque ones are written as JPEG (/DCTDecode) at the slide JPEG quality; Skia keeps images with
            // transparency deflated (an alpha mask has no JPEG form). Both values are set because the metadata is a
            // struct: left out, they are 0, and quality 0 is what the logo got before (docs/rendering.md).
            EncodingQuality = SlideJpeg.Quality,
            RasterDpi = SKDocument.DefaultRasterDpi,
        };

        // One PDF point per pixel: the page is the slide, and text stays vector.
        using var stream = new MemoryStream();
        using SKImage? logo = DecodeLogo(options, images);
        using SKImage? photo = DecodePhoto(options, images, pageNumber: 1);
        SlidePalette photoPalette = palette.OverPhoto(PhotoBackdrop.BrightestBehindText);
        int stripped = 0;
        using (SKDocument document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document."))
        {
            for (int i = 0; i < content.Slides.Count; i++)
            {
                SKCanvas page = document.BeginPage(width, height);
                SKImage? pagePhoto = options.Background?.AppliesTo(i + 1) == true ? photo : null;
                using var canvas = new SlideCanvas(page, _fonts, width, height, pagePhoto is null ? palette : photoPalette, isVector: true);
                SlidePainter.Paint(canvas, CreatePage(content.Slides[i], i + 1, content.Slides.Count, options, logo, pagePhoto));
                document.EndPage();
                stripped += canvas.StrippedCharacters;
            }

            document.Close();
        }

        ReportStripped(stripped);
        RenderingTelemetry.RecordDuration(started, "pdf");
        return stream.ToArray();
    }

    private static SlidePalette ResolvePalette(RenderOptions options)
    {
        if (!SlideThemes.TryGet(options.Theme, out SlideTheme? theme))
        {
            throw new ArgumentException(
                $"Unknown theme '{TextSanitizer.Clean(options.Theme, singleLine: true, maxCharacters: 40)}'. Known themes: {string.Join(", ", SlideThemes.Names)}.",
                nameof(options));
        }

        return SlidePalette.Create(theme, options.Brand, options.Kit);
    }

    // A logo that is missing or does not decode is left out: a broken image must not cost the user the carousel.
    private static SKImage? DecodeLogo(RenderOptions options, SlideImages images) =>
        options.Kit is { ShowLogo: true, LogoHash: { } hash } && images.Find(hash) is { } bytes
            ? SKImage.FromEncodedData(bytes)
            : null;

    // Likewise a background photo: without it the slide gets the theme's backdrop.
    private static SKImage? DecodePhoto(RenderOptions options, SlideImages images, int pageNumber) =>
        options.Background is { } background && background.AppliesTo(pageNumber) && images.Find(background.ImageHash) is { } bytes
            ? SKImage.FromEncodedData(bytes)
            : null;

    private static SlidePage CreatePage(SlideContent slide, int number, int count, RenderOptions options, SKImage? logo, SKImage? photo)
    {
        string heading = TextSanitizer.Clean(slide.Heading, singleLine: true, maxCharacters: 600);
        string body = TextSanitizer.Clean(slide.Body);
        BrandKit? kit = options.Kit;
        string? handleText = kit is null ? options.FooterHandle : kit.ShowHandle ? kit.Handle ?? options.FooterHandle : null;
        string handle = TextSanitizer.Clean(handleText, singleLine: true, maxCharacters: 64);
        string name = kit is { ShowName: true } ? TextSanitizer.Clean(kit.DisplayName, singleLine: true, maxCharacters: 64) : string.Empty;
        bool russian = SlidePage.ContainsCyrillic(heading) || SlidePage.ContainsCyrillic(body);
        return new SlidePage(slide.Kind, heading, body, number, count, handle, russian)
        {
            DisplayName = name,
            Logo = logo,
            Photo = photo,
            PhotoFocus = options.Background is { } background ? (background.FocusX, background.FocusY) : (0.5, 0.5),
            ShowPageNumber = kit?.ShowPageNumbers ?? true,
        };
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

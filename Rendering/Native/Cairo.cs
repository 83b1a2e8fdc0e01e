using System.Runtime.InteropServices;

namespace VibeCoder.Rendering.Native;

/// <summary>
/// The slice of cairo (libcairo.so.2) the renderer uses. Pointers are raw: every caller owns what it creates
/// and frees it in a <c>finally</c>. cairo objects are not shared between threads; each render makes its own.
/// </summary>
internal static unsafe partial class Cairo
{
    // Only the versioned soname is present on Debian without the -dev package.
    private const string Library = "libcairo.so.2";

    internal const int FormatArgb32 = 0;
    internal const int FormatRgb24 = 1;
    internal const int StatusSuccess = 0;
    internal const int StatusWriteError = 11;
    internal const int LineCapRound = 1;
    internal const int FilterBilinear = 4;
    internal const int LineJoinRound = 1;
    internal const int HintStyleNone = 1;
    internal const int HintMetricsOff = 1;
    internal const int PdfMetadataTitle = 0;
    internal const int PdfMetadataCreator = 5;

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_create")]
    internal static partial nint ImageSurfaceCreate(int format, int width, int height);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_data")]
    internal static partial byte* ImageSurfaceGetData(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_stride")]
    internal static partial int ImageSurfaceGetStride(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_pdf_surface_create_for_stream")]
    internal static partial nint PdfSurfaceCreateForStream(
        delegate* unmanaged<nint, byte*, uint, int> write, nint closure, double widthInPoints, double heightInPoints);

    [LibraryImport(Library, EntryPoint = "cairo_pdf_surface_set_metadata", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void PdfSurfaceSetMetadata(nint surface, int metadata, string value);

    [LibraryImport(Library, EntryPoint = "cairo_surface_flush")]
    internal static partial void SurfaceFlush(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_finish")]
    internal static partial void SurfaceFinish(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_status")]
    internal static partial int SurfaceStatus(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_destroy")]
    internal static partial void SurfaceDestroy(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_status_to_string")]
    internal static partial nint StatusToString(int status);

    [LibraryImport(Library, EntryPoint = "cairo_create")]
    internal static partial nint Create(nint surface);

    [LibraryImport(Library, EntryPoint = "cairo_destroy")]
    internal static partial void Destroy(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_status")]
    internal static partial int Status(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_save")]
    internal static partial void Save(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_restore")]
    internal static partial void Restore(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_show_page")]
    internal static partial void ShowPage(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_set_source_rgba")]
    internal static partial void SetSourceRgba(nint cr, double red, double green, double blue, double alpha);

    [LibraryImport(Library, EntryPoint = "cairo_set_source")]
    internal static partial void SetSource(nint cr, nint pattern);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_width")]
    internal static partial void SetLineWidth(nint cr, double width);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_cap")]
    internal static partial void SetLineCap(nint cr, int lineCap);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_join")]
    internal static partial void SetLineJoin(nint cr, int lineJoin);

    [LibraryImport(Library, EntryPoint = "cairo_paint")]
    internal static partial void Paint(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_new_path")]
    internal static partial void NewPath(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_new_sub_path")]
    internal static partial void NewSubPath(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_close_path")]
    internal static partial void ClosePath(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_move_to")]
    internal static partial void MoveTo(nint cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_line_to")]
    internal static partial void LineTo(nint cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_curve_to")]
    internal static partial void CurveTo(nint cr, double x1, double y1, double x2, double y2, double x3, double y3);

    [LibraryImport(Library, EntryPoint = "cairo_arc")]
    internal static partial void Arc(nint cr, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(Library, EntryPoint = "cairo_rectangle")]
    internal static partial void Rectangle(nint cr, double x, double y, double width, double height);

    [LibraryImport(Library, EntryPoint = "cairo_fill")]
    internal static partial void Fill(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_stroke")]
    internal static partial void Stroke(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_pattern_create_linear")]
    internal static partial nint PatternCreateLinear(double x0, double y0, double x1, double y1);

    [LibraryImport(Library, EntryPoint = "cairo_pattern_create_radial")]
    internal static partial nint PatternCreateRadial(double cx0, double cy0, double radius0, double cx1, double cy1, double radius1);

    [LibraryImport(Library, EntryPoint = "cairo_pattern_add_color_stop_rgba")]
    internal static partial void PatternAddColorStopRgba(nint pattern, double offset, double red, double green, double blue, double alpha);

    [LibraryImport(Library, EntryPoint = "cairo_set_source_surface")]
    internal static partial void SetSourceSurface(nint cr, nint surface, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_get_source")]
    internal static partial nint GetSource(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_pattern_set_filter")]
    internal static partial void PatternSetFilter(nint pattern, int filter);

    [LibraryImport(Library, EntryPoint = "cairo_scale")]
    internal static partial void Scale(nint cr, double sx, double sy);

    [LibraryImport(Library, EntryPoint = "cairo_translate")]
    internal static partial void Translate(nint cr, double tx, double ty);

    [LibraryImport(Library, EntryPoint = "cairo_pattern_destroy")]
    internal static partial void PatternDestroy(nint pattern);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_create")]
    internal static partial nint FontOptionsCreate();

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_hint_style")]
    internal static partial void FontOptionsSetHintStyle(nint options, int hintStyle);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_hint_metrics")]
    internal static partial void FontOptionsSetHintMetrics(nint options, int hintMetrics);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_destroy")]
    internal static partial void FontOptionsDestroy(nint options);

    /// <summary>The human-readable text of a cairo status code.</summary>
    internal static string DescribeStatus(int status) =>
        Marshal.PtrToStringUTF8(StatusToString(status)) ?? $"cairo status {status}";
}

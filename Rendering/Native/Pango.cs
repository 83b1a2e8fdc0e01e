using System.Runtime.InteropServices;

namespace VibeCoder.Rendering.Native;

/// <summary>
/// The slice of pango, pangocairo and gobject the renderer uses. Layouts are per render and per thread:
/// pangocairo's default font map is per thread, so concurrent renders never share a pango object.
/// </summary>
internal static unsafe partial class Pango
{
    private const string PangoLibrary = "libpango-1.0.so.0";
    private const string PangoCairoLibrary = "libpangocairo-1.0.so.0";
    private const string GObjectLibrary = "libgobject-2.0.so.0";

    /// <summary>Pango units per device unit (PANGO_SCALE).</summary>
    internal const int Scale = 1024;

    internal const int WrapWordChar = 2;
    internal const int EllipsizeNone = 0;
    internal const int AlignLeft = 0;
    internal const int AlignCenter = 1;
    internal const int AlignRight = 2;
    internal const int StyleNormal = 0;
    internal const int StyleItalic = 2;
    internal const int StretchCondensed = 2;
    internal const int StretchNormal = 4;

    /// <summary>PANGO_GLYPH_UNKNOWN_FLAG: set on glyphs no font could supply (they would draw as boxes).</summary>
    internal const uint GlyphUnknownFlag = 0x10000000;

    [LibraryImport(PangoCairoLibrary, EntryPoint = "pango_cairo_create_layout")]
    internal static partial nint CairoCreateLayout(nint cr);

    [LibraryImport(PangoCairoLibrary, EntryPoint = "pango_cairo_show_layout")]
    internal static partial void CairoShowLayout(nint cr, nint layout);

    [LibraryImport(PangoCairoLibrary, EntryPoint = "pango_cairo_context_set_font_options")]
    internal static partial void CairoContextSetFontOptions(nint context, nint options);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_get_context")]
    internal static partial nint LayoutGetContext(nint layout);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_context_changed")]
    internal static partial void LayoutContextChanged(nint layout);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_text")]
    internal static partial void LayoutSetText(nint layout, byte* text, int length);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_font_description")]
    internal static partial void LayoutSetFontDescription(nint layout, nint description);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_width")]
    internal static partial void LayoutSetWidth(nint layout, int width);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_wrap")]
    internal static partial void LayoutSetWrap(nint layout, int wrap);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_ellipsize")]
    internal static partial void LayoutSetEllipsize(nint layout, int ellipsize);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_alignment")]
    internal static partial void LayoutSetAlignment(nint layout, int alignment);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_set_line_spacing")]
    internal static partial void LayoutSetLineSpacing(nint layout, float factor);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_get_extents")]
    internal static partial void LayoutGetExtents(nint layout, PangoRectangle* ink, PangoRectangle* logical);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_get_unknown_glyphs_count")]
    internal static partial int LayoutGetUnknownGlyphsCount(nint layout);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_get_iter")]
    internal static partial nint LayoutGetIter(nint layout);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_get_run_readonly")]
    internal static partial GlyphItem* LayoutIterGetRunReadonly(nint iter);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_next_run")]
    internal static partial int LayoutIterNextRun(nint iter);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_next_line")]
    internal static partial int LayoutIterNextLine(nint iter);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_get_line_readonly")]
    internal static partial LayoutLine* LayoutIterGetLineReadonly(nint iter);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_get_line_extents")]
    internal static partial void LayoutIterGetLineExtents(nint iter, PangoRectangle* ink, PangoRectangle* logical);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_get_line_count")]
    internal static partial int LayoutGetLineCount(nint layout);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_layout_iter_free")]
    internal static partial void LayoutIterFree(nint iter);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_new")]
    internal static partial nint FontDescriptionNew();

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_set_family", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void FontDescriptionSetFamily(nint description, string family);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_set_weight")]
    internal static partial void FontDescriptionSetWeight(nint description, int weight);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_set_style")]
    internal static partial void FontDescriptionSetStyle(nint description, int style);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_set_stretch")]
    internal static partial void FontDescriptionSetStretch(nint description, int stretch);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_set_absolute_size")]
    internal static partial void FontDescriptionSetAbsoluteSize(nint description, double size);

    [LibraryImport(PangoLibrary, EntryPoint = "pango_font_description_free")]
    internal static partial void FontDescriptionFree(nint description);

    [LibraryImport(GObjectLibrary, EntryPoint = "g_object_unref")]
    internal static partial void ObjectUnref(nint instance);

    /// <summary>PangoRectangle, in pango units.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PangoRectangle
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }

    /// <summary>The public head of PangoItem (pango-item.h): byte offset and length into the layout text.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Item
    {
        public int Offset;
        public int Length;
        public int NumChars;
    }

    /// <summary>The public fields of PangoGlyphString (pango-glyph.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphString
    {
        public int NumGlyphs;
        public GlyphInfo* Glyphs;
        public int* LogClusters;
    }

    /// <summary>PangoGlyphInfo: glyph id, geometry (width, x/y offset) and visual attributes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphInfo
    {
        public uint Glyph;
        public int Width;
        public int XOffset;
        public int YOffset;
        public uint Attributes;
    }

    /// <summary>The public head of PangoLayoutLine: the byte range of the layout text the line shows.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LayoutLine
    {
        public nint Layout;
        public int StartIndex;
        public int Length;
    }

    /// <summary>The public head of PangoGlyphItem (a layout run).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphItem
    {
        public Item* Item;
        public GlyphString* Glyphs;
    }
}

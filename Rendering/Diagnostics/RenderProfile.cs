using System.Diagnostics;

namespace VibeCoder.Rendering.Diagnostics;

/// <summary>
/// Where one render's time went, in <see cref="Stopwatch"/> ticks: HarfBuzz shaping, the rest of text layout
/// (font choice, line breaking, auto-fit), drawing, and PNG encoding. For the benchmark; renders made through
/// <see cref="ISlideRenderer"/> keep none.
/// </summary>
internal sealed class RenderProfile
{
    public long ShapingTicks { get; set; }

    public long LayoutTicks { get; set; }

    public long DrawTicks { get; set; }

    public long EncodeTicks { get; set; }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

namespace VibeCoder.Rendering.Text;

/// <summary>The part of one shaped run that falls on one line.</summary>
/// <param name="Run">The run.</param>
/// <param name="Start">First UTF-16 index on the line.</param>
/// <param name="End">Index after the last one on the line.</param>
internal readonly record struct LineSegment(ShapedRun Run, int Start, int End)
{
    /// <summary>Indexes of the segment's glyphs in visual order.</summary>
    public IEnumerable<int> Glyphs(ShapedText text)
    {
        for (int g = Run.GlyphStart; g < Run.GlyphStart + Run.GlyphCount; g++)
        {
            int cluster = text.Clusters[g];
            if (cluster >= Start && cluster < End)
            {
                yield return g;
            }
        }
    }
}

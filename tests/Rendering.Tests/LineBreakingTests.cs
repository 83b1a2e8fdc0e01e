using VibeCoder.Rendering.Fonts;
using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Tests;

public sealed class LineBreakingTests
{
    private static readonly FontChain Sans = FontCatalog.Shared.Chain(new FontStyleKey("DejaVu Sans", 400, false, false));

    [Fact]
    public void Break_Words_WrapsAtSpacesOnly()
    {
        ShapedText text = TextShaper.Shape("alpha beta gamma delta", Sans);
        float width = Math.Max(text.Width(0, "alpha beta".Length), text.Width("alpha beta ".Length, text.Length)) + 1;

        List<TextLine> lines = LineBreaker.Break(text, width);

        Assert.Equal(["alpha beta", "gamma delta"], lines.Select(line => text.Text[line.Start..line.End]));
    }

    [Fact]
    public void Break_WordLongerThanTheLine_IsSplitWhereTheLineIsFull()
    {
        ShapedText text = TextShaper.Shape("short " + new string('W', 60) + " end", Sans);
        float width = text.Width(0, 20);

        List<TextLine> lines = LineBreaker.Break(text, width);

        // "short" keeps its own line (the long word does not fit after it), then the word fills whole lines.
        Assert.Equal("short", text.Text[lines[0].Start..lines[0].End]);
        float oneW = text.Width(6, 7);
        foreach (TextLine line in lines.Skip(1).SkipLast(1))
        {
            Assert.InRange(line.Width, width - oneW, width);
        }

        // The rest of the word and the next one share the last line.
        Assert.Matches("^W+ end$", text.Text[lines[^1].Start..lines[^1].End]);
        Assert.All(lines, line => Assert.True(line.Width <= width));
    }

    [Fact]
    public void Break_WordThatFitsALine_IsNeverSplit()
    {
        string words = "Supercalifragilistic expialidocious words";
        ShapedText text = TextShaper.Shape(words, Sans);

        List<TextLine> lines = LineBreaker.Break(text, text.Width(0, "Supercalifragilistic".Length) + 1);

        Assert.Equal(["Supercalifragilistic", "expialidocious", "words"], lines.Select(line => text.Text[line.Start..line.End]));
    }

    [Fact]
    public void Break_LineBreakInText_AlwaysEndsALine()
    {
        ShapedText text = TextShaper.Shape("one\ntwo three", Sans);

        List<TextLine> lines = LineBreaker.Break(text, 10_000);

        Assert.Equal(["one", "two three"], lines.Select(line => text.Text[line.Start..line.End]));
    }

    [Fact]
    public void Break_EmojiRow_BreaksBetweenEmojiNeverInsideASequence()
    {
        string row = string.Concat(Enumerable.Repeat("👩‍💻👏🏽🇷🇺🚀", 5));
        ShapedText text = TextShaper.Shape(row, Sans);
        float width = text.Width(0, text.Length) / 3;

        List<TextLine> lines = LineBreaker.Break(text, width);

        Assert.True(lines.Count >= 3);
        Assert.Equal(row, string.Concat(lines.Select(line => text.Text[line.Start..line.End])));
        var graphemeStarts = new HashSet<int>();
        for (int i = 0; i < row.Length; i += System.Globalization.StringInfo.GetNextTextElementLength(row.AsSpan(i)))
        {
            graphemeStarts.Add(i);
        }

        Assert.All(lines, line => Assert.Contains(line.Start, graphemeStarts));

        // Every line but the last is nearly full: breaks fall between emoji, not only where the sanitiser allowed.
        float widest = lines.Max(line => line.Width);
        Assert.All(lines.SkipLast(1), line => Assert.True(line.Width > widest * 0.6f));
    }
}

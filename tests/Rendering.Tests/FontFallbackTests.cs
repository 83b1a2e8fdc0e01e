using VibeCoder.Rendering.Fonts;
using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Tests;

/// <summary>The documented fallback order (docs/rendering.md) against the machine's fontconfig fonts.</summary>
public sealed class FontFallbackTests
{
    private static readonly FontChain Sans = FontCatalog.Shared.Chain(new FontStyleKey("DejaVu Sans, sans-serif", 400, false, false));

    public static TheoryData<string> Inputs() =>
    [
        "Привет, world! «Ёлка» — ёж, ЁЖ и «кавычки» — тире",
        "Launch day 🚀🔥✨ Coffee ☕, focus 🎯 👩‍💻👨‍💻 👏🏽👍🏿 🇷🇺🇺🇸🇩🇪 🏴󠁧󠁢󠁥󠁮󠁧󠁿 #️⃣ ☺️ ❤️",
        new string('W', 60),
        string.Concat(Enumerable.Repeat("🚀🔥✨🎯📦🎉👏🏽👩‍💻🌍😀", 2)),
        string.Concat(Enumerable.Repeat("Съешь же ещё этих мягких французских булок, да выпей чаю 😀. ", 34))[..2000],
        "שלום עולם — mixed with English and عربي text",
    ];

    [Fact]
    public void Chain_DejaVuSansStyle_HasDejaVuFirstAndTheColourEmojiFont()
    {
        Assert.Equal("DejaVu Sans", Sans.Primary.FamilyName);
        Assert.NotNull(Sans.Emoji);
        Assert.Equal("Noto Color Emoji", Sans.Emoji!.FamilyName);
    }

    [Theory]
    [InlineData("ё")]
    [InlineData("Ё")]
    [InlineData("«")]
    [InlineData("»")]
    [InlineData("—")]
    [InlineData("W")]
    [InlineData("☺")]
    [InlineData("✔")]
    public void TryPick_TextCharacter_TakesTheStylesOwnFamily(string cluster)
    {
        Assert.True(Sans.TryPick(cluster, out FontFace? face));

        Assert.Same(Sans.Primary, face);
    }

    [Theory]
    [InlineData("🚀")]
    [InlineData("😀")] // DejaVu Sans has a black-and-white U+1F600; emoji presentation still wins.
    [InlineData("☕")] // Emoji_Presentation in the BMP.
    [InlineData("☺️")] // Text-presentation character made emoji by U+FE0F.
    [InlineData("👩‍💻")]
    [InlineData("👏🏽")]
    [InlineData("🇷🇺")]
    [InlineData("#️⃣")]
    public void TryPick_EmojiCluster_TakesTheColourEmojiFont(string cluster)
    {
        Assert.True(Sans.TryPick(cluster, out FontFace? face));

        Assert.Same(Sans.Emoji, face);
    }

    [Fact]
    public void TryPick_CharacterNoFontHas_GetsNoFaceAndIsDropped()
    {
        Assert.True(Sans.TryPick("𓀀", out FontFace? hieroglyph));
        Assert.True(Sans.TryPick("\u0378", out FontFace? unassigned));
        Assert.Null(hieroglyph);
        Assert.Null(unassigned);

        ShapedText shaped = TextShaper.Shape("Missing 𓀀 glyph", Sans);

        Assert.Equal("Missing glyph", shaped.Text);
        Assert.Equal(1, shaped.StrippedCharacters);
    }

    [Fact]
    public void TryPick_OnlyJoinersAndSelectors_NeedsNoFaceOfItsOwn()
    {
        Assert.False(Sans.TryPick("\u200D", out _));
        Assert.False(Sans.TryPick("\u202E", out _));
    }

    [Theory]
    [InlineData("👩‍💻")]
    [InlineData("👏🏽")]
    [InlineData("🇷🇺")]
    [InlineData("🏴󠁧󠁢󠁥󠁮󠁧󠁿")]
    public void Shape_EmojiSequence_IsOneColourGlyph(string sequence)
    {
        ShapedText shaped = TextShaper.Shape(sequence, Sans);

        Assert.Single(shaped.Glyphs);
        Assert.NotEqual(0, shaped.Glyphs[0]);
        Assert.Same(Sans.Emoji, Assert.Single(shaped.Runs).Face);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Shape_AnyInput_DrawsEveryCodePointWithAFaceThatHasIt(string input)
    {
        ShapedText shaped = TextShaper.Shape(input, Sans);

        Assert.Equal(input, shaped.Text);
        Assert.Equal(0, shaped.StrippedCharacters);
        Assert.Equal(0, shaped.UnknownGlyphs);
        Assert.DoesNotContain((ushort)0, shaped.Glyphs);
        int covered = 0;
        foreach (ShapedRun run in shaped.Runs)
        {
            foreach (System.Text.Rune rune in input.AsSpan(run.Start, run.End - run.Start).EnumerateRunes())
            {
                if (!EmojiPresentation.IsIgnorable(rune.Value))
                {
                    Assert.True(run.Face.Has(rune.Value), $"U+{rune.Value:X4} was drawn with {run.Face}, which does not have it.");
                }

                covered += rune.Utf16SequenceLength;
            }
        }

        // Every character except line breaks belongs to a run.
        Assert.Equal(input.Length - input.Count(c => c == '\n'), covered);
    }
}

using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Tests;

public sealed class SlideThemesTests
{
    [Fact]
    public void Names_BuiltIn_HasAtLeastFourDistinctThemesWithTheDefaultFirst()
    {
        Assert.True(SlideThemes.Names.Count >= 4);
        Assert.Equal(SlideThemes.Names.Count, SlideThemes.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(SlideThemes.DefaultName, SlideThemes.Names[0]);
        Assert.Subset(SlideThemes.Names.ToHashSet(), new HashSet<string> { "midnight", "sunrise", "mint", "paper", "mono" });
    }

    [Theory]
    [InlineData("midnight")]
    [InlineData("MINT")]
    [InlineData("Paper")]
    public void TryGet_KnownNameAnyCase_ReturnsTheTheme(string name)
    {
        Assert.True(SlideThemes.TryGet(name, out SlideTheme? theme));
        Assert.Equal(name, theme.Name, ignoreCase: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData(null)]
    public void TryGet_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(SlideThemes.TryGet(name, out _));
    }

    [Fact]
    public void Themes_TextOnBackground_HasReadableContrast()
    {
        foreach (string name in SlideThemes.Names)
        {
            Assert.True(SlideThemes.TryGet(name, out SlideTheme? theme));
            Assert.True(Contrast(theme.Text, theme.Background) >= 7, $"{name}: text contrast {Contrast(theme.Text, theme.Background):F1} < 7");
            Assert.True(Contrast(theme.OnAccent, theme.Accent) >= 3, $"{name}: on-accent contrast {Contrast(theme.OnAccent, theme.Accent):F1} < 3");
        }
    }

    [Theory]
    [InlineData("#A1b2C3", 0xA1, 0xB2, 0xC3)]
    [InlineData("#000000", 0, 0, 0)]
    public void ParseHex_Valid_ReturnsTheColour(string hex, int r, int g, int b)
    {
        Assert.Equal(new RgbColor((byte)r, (byte)g, (byte)b), RgbColor.ParseHex(hex, "Test"));
    }

    private static double Contrast(RgbColor a, RgbColor b)
    {
        double la = Luminance(a);
        double lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(RgbColor color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}

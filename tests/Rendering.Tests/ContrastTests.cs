using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Tests;

public sealed class ContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#0000ff", "#ffffff", 8.59)]
    public void Ratio_KnownPairs_MatchWcag(string a, string b, double expected)
    {
        double ratio = Contrast.Ratio(RgbColor.ParseHex(a, "a"), RgbColor.ParseHex(b, "b"));

        Assert.Equal(expected, ratio, 2);
    }

    [Theory]
    [InlineData("#888888", "#777777", null)] // grey on grey
    [InlineData("#ffff00", "#ffffff", null)] // yellow on white
    [InlineData("#000080", "#000000", null)] // navy on black
    [InlineData("#ff0000", "#00ff00", "#ff0000")] // red on green, red accent
    [InlineData("#ffffff", "#f0f0f0", "#fafafa")] // white on near-white, pale accent
    public void Palette_UnreadableBrandPair_TextReachesFourAndAHalf(string primary, string background, string? accent)
    {
        SlideThemes.TryGet("midnight", out SlideTheme? theme);

        SlidePalette palette = SlidePalette.Create(theme!, null, new BrandKit(PrimaryColor: primary, BackgroundColor: background, AccentColor: accent));

        Assert.Equal(RgbColor.ParseHex(background, "bg"), palette.Background);
        Assert.True(Contrast.Ratio(palette.Text, palette.Background) >= 4.5, $"text {palette.Text} on {palette.Background}");
        Assert.True(Contrast.Ratio(palette.Text, palette.BackgroundEnd) >= 4.5, $"text {palette.Text} on {palette.BackgroundEnd}");
        Assert.True(Contrast.Ratio(palette.Muted, palette.Background) >= 4.5, $"muted {palette.Muted} on {palette.Background}");
        Assert.True(Contrast.Ratio(palette.Muted, palette.BackgroundEnd) >= 4.5, $"muted {palette.Muted} on {palette.BackgroundEnd}");
        Assert.True(Contrast.Ratio(palette.OnAccent, palette.Accent) >= 4.5, $"on-accent {palette.OnAccent} on {palette.Accent}");
    }

    [Theory]
    [InlineData("#ffff00", "#ffffff", "#000000")]
    [InlineData("#000080", "#000000", "#ffffff")]
    public void Palette_UnreadablePrimary_FlipsToTheBetterOfBlackAndWhite(string primary, string background, string expected)
    {
        SlideThemes.TryGet("mono", out SlideTheme? theme);

        SlidePalette palette = SlidePalette.Create(theme!, null, new BrandKit(PrimaryColor: primary, BackgroundColor: background));

        Assert.Equal(RgbColor.ParseHex(expected, "expected"), palette.Text);
    }

    [Fact]
    public void Palette_ReadablePrimary_IsKeptExactly()
    {
        SlideThemes.TryGet("mono", out SlideTheme? theme);

        SlidePalette palette = SlidePalette.Create(theme!, null, new BrandKit(PrimaryColor: "#1a237e", BackgroundColor: "#fff8e1"));

        Assert.Equal(RgbColor.ParseHex("#1a237e", "p"), palette.Text);
    }

    [Fact]
    public void RenderSlide_YellowOnWhite_DrawsNoYellowText()
    {
        var renderer = new SkiaSlideRenderer();
        var options = new RenderOptions("mono", SlideSize.Portrait, null, null, new BrandKit(PrimaryColor: "#ffff00", BackgroundColor: "#ffffff"));
        var slide = new SlideContent(SlideKind.Content, "A HEADING WITH MANY LETTERS", "And a body that should be readable.");

        Support.PngImage image = Support.PngImage.Decode(renderer.RenderSlide(slide, 2, 3, options).Png);

        int yellow = 0;
        for (int i = 0; i < image.Rgba.Length; i += 4)
        {
            if (image.Rgba[i] > 220 && image.Rgba[i + 1] > 220 && image.Rgba[i + 2] < 80)
            {
                yellow++;
            }
        }

        Assert.Equal(0, yellow);
    }
}

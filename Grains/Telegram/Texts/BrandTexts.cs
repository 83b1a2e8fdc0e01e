using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>What the bot says in the /brand flow, in one language. Plain text, like every bot text.</summary>
internal abstract class BrandTexts
{
    /// <summary>The menu message: the kit as it is now.</summary>
    public abstract string Menu(BrandKit kit);

    public abstract string ButtonPrimary { get; }

    public abstract string ButtonAccent { get; }

    public abstract string ButtonBackground { get; }

    public abstract string ButtonHeadingFont { get; }

    public abstract string ButtonBodyFont { get; }

    public abstract string ButtonName { get; }

    public abstract string ButtonHandle { get; }

    public abstract string ButtonLogo { get; }

    public abstract string ButtonRemoveLogo { get; }

    public abstract string ButtonThemeDefault { get; }

    /// <summary>A switch button: what it shows and whether it is on.</summary>
    public abstract string Toggle(char which, bool on);

    /// <summary>The question under a colour picker (<paramref name="slot"/>: p, a or g).</summary>
    public abstract string AskColour(char slot);

    public abstract string ColourInvalid { get; }

    public abstract string PickFont(char slot);

    public abstract string AskName { get; }

    public abstract string AskHandle { get; }

    public abstract string TextInvalid { get; }

    public abstract string AskLogo { get; }

    public abstract string LogoExpected { get; }

    public abstract string LogoSaved { get; }

    public abstract string LogoNotAnImage { get; }

    public abstract string LogoSvg { get; }

    public abstract string LogoTooBig(int maxMegabytes);

    public abstract string LogoTooManyPixels(int width, int height, int maxSide);

    public abstract string Saved { get; }

    /// <summary>The caption of the preview slide.</summary>
    public abstract string PreviewCaption { get; }

    /// <summary>The preview cover's heading.</summary>
    public abstract string PreviewHeading { get; }

    /// <summary>The preview cover's subtitle.</summary>
    public abstract string PreviewBody { get; }

    protected static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}

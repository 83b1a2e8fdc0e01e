using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The /brand flow in English.</summary>
internal sealed class EnglishBrandTexts : BrandTexts
{
    public override string Menu(BrandKit kit) =>
        $"""
        🎨 Your brand kit — applied to every new carousel.

        Name: {Or(kit.DisplayName, "—")}{Hidden(kit.ShowName && kit.DisplayName is not null)}
        Handle: {Or(kit.Handle, "from /settings")}{Hidden(kit.ShowHandle)}
        Logo: {(kit.LogoHash is null ? "none" : "set")}{Hidden(kit.ShowLogo && kit.LogoHash is not null)}
        Text colour: {Or(kit.PrimaryColor, "theme")}
        Accent: {Or(kit.AccentColor, "theme")}
        Background: {Or(kit.BackgroundColor, "theme")}
        Headings: {FontName(kit.HeadingFont)}
        Body text: {FontName(kit.BodyFont)}
        Page numbers: {(kit.ShowPageNumbers ? "shown" : "hidden")}

        Unreadable colour pairs are fixed automatically: text turns black or white.
        """;

    public override string ButtonPrimary => "🖋 Text colour";

    public override string ButtonAccent => "✨ Accent";

    public override string ButtonBackground => "🖼 Background";

    public override string ButtonHeadingFont => "🔠 Heading font";

    public override string ButtonBodyFont => "🔡 Body font";

    public override string ButtonName => "👤 Name";

    public override string ButtonHandle => "@ Handle";

    public override string ButtonLogo => "🏷 Logo";

    public override string ButtonRemoveLogo => "🗑 Remove logo";

    public override string ButtonThemeDefault => "↩️ Theme's";

    public override string Toggle(char which, bool on) => (on ? "✅ " : "▫️ ") + which switch
    {
        'n' => "name",
        'h' => "handle",
        'l' => "logo",
        _ => "page numbers",
    };

    public override string AskColour(char slot) =>
        $"Pick the {SlotName(slot)} or send one as #RRGGBB, e.g. #1A2B3C.";

    public override string ColourInvalid => "That is not a colour I can use: send it as #RRGGBB (six hex digits), e.g. #FF5A36. Or /cancel.";

    public override string PickFont(char slot) => slot == 'h' ? "Pick the font for headings:" : "Pick the font for body text:";

    public override string AskName => "Send the name to show on your slides (up to 40 characters). Send - to remove it, or /cancel.";

    public override string AskHandle => "Send the handle to show on your slides, e.g. @myblog (up to 40 characters). Send - to remove it, or /cancel.";

    public override string TextInvalid => "It must be 1–40 characters on one line. Try again, or /cancel.";

    public override string AskLogo => "Send me your logo: a photo, or the image as a file to keep it unaltered (PNG or JPEG, up to 20 MB). /cancel to keep the current one.";

    public override string LogoExpected => "I'm waiting for your logo: send a photo or an image file, or /cancel.";

    public override string LogoSaved => "✅ Logo saved.";

    public override string LogoNotAnImage => "I couldn't read that as an image. Please send a PNG or JPEG, or /cancel.";

    public override string LogoSvg => "SVG files aren't supported yet. Please export your logo as PNG and send that, or /cancel.";

    public override string LogoTooBig(int maxMegabytes) => $"That file is larger than {maxMegabytes} MB, which is more than I can download. Please send a smaller image, or /cancel.";

    public override string LogoTooManyPixels(int width, int height, int maxSide) =>
        $"That image is {width}×{height} pixels — too large for a logo. Please send one no larger than {maxSide}×{maxSide}, or /cancel.";

    public override string Saved => "✅ Saved";

    public override string PreviewCaption => "Preview: this is how your slides will look.";

    public override string PreviewHeading => "Your brand on every slide";

    public override string PreviewBody => "Colours, fonts, logo and name — applied to each new carousel.";

    private static string Hidden(bool shown) => shown ? "" : " (hidden)";

    private static string SlotName(char slot) => slot switch
    {
        'p' => "text colour",
        'a' => "accent colour",
        _ => "background colour",
    };

    private static string FontName(string? id) => BrandFonts.TryGet(id, out var font) ? font.DisplayName : "theme";
}

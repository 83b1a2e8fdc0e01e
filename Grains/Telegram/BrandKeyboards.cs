using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Grains.Telegram;

/// <summary>The inline keyboards of the /brand flow.</summary>
internal static class BrandKeyboards
{
    /// <summary>Colour presets: dark inks, strong accents and light backgrounds, four a row.</summary>
    public static readonly IReadOnlyList<(string Emoji, string Hex)> Presets =
    [
        ("⬛", "#111111"), ("🟦", "#1a237e"), ("🟩", "#004d40"), ("🟥", "#b71c1c"),
        ("🟧", "#ff5a36"), ("🟨", "#f9a825"), ("🟪", "#6a1b9a"), ("🔵", "#0d47a1"),
        ("⬜", "#ffffff"), ("🤍", "#fff8e1"), ("🩶", "#eceff1"), ("🩷", "#fce4ec"),
    ];

    /// <summary>The menu: colours, fonts, name/handle/logo, and the four switches.</summary>
    public static InlineKeyboardMarkup Menu(BrandTexts texts, BrandKit kit) => new(
    [
        [Button(texts.ButtonPrimary, CallbackData.BrandColour('p')), Button(texts.ButtonAccent, CallbackData.BrandColour('a')), Button(texts.ButtonBackground, CallbackData.BrandColour('g'))],
        [Button(texts.ButtonHeadingFont, CallbackData.BrandFont('h')), Button(texts.ButtonBodyFont, CallbackData.BrandFont('b'))],
        [Button(texts.ButtonName, CallbackData.BrandName), Button(texts.ButtonHandle, CallbackData.BrandHandle), Button(texts.ButtonLogo, CallbackData.BrandLogo)],
        [Button(texts.Toggle('n', kit.ShowName), CallbackData.BrandToggle('n')), Button(texts.Toggle('h', kit.ShowHandle), CallbackData.BrandToggle('h'))],
        [Button(texts.Toggle('l', kit.ShowLogo), CallbackData.BrandToggle('l')), Button(texts.Toggle('p', kit.ShowPageNumbers), CallbackData.BrandToggle('p'))],
    ]);

    /// <summary>The presets for one colour slot, "theme's" and back.</summary>
    public static InlineKeyboardMarkup Colours(BotTexts texts, char slot, string? current) => new(
        Presets
            .Select(preset => Button(Mark(preset.Emoji + " " + preset.Hex, preset.Hex == current), CallbackData.SetBrandColour(slot, preset.Hex)))
            .Chunk(4)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .Append([Button(texts.Brand.ButtonThemeDefault, CallbackData.SetBrandColour(slot, "-")), Back(texts)])
            .ToArray());

    /// <summary>The curated fonts for one slot, "theme's" and back.</summary>
    public static InlineKeyboardMarkup Fonts(BotTexts texts, char slot, string? current) => new(
        BrandFonts.Offered
            .Select(font => Button(Mark(font.DisplayName, font.Id == current), CallbackData.SetBrandFont(slot, font.Id)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .Append([Button(texts.Brand.ButtonThemeDefault, CallbackData.SetBrandFont(slot, "-")), Back(texts)])
            .ToArray());

    /// <summary>Under the logo question: remove it (when there is one), or go back.</summary>
    public static InlineKeyboardMarkup Logo(BotTexts texts, bool hasLogo) => hasLogo
        ? new([[Button(texts.Brand.ButtonRemoveLogo, CallbackData.BrandRemoveLogo)], [Back(texts)]])
        : new([[Back(texts)]]);

    /// <summary>Only "back" (under the name and handle questions).</summary>
    public static InlineKeyboardMarkup BackOnly(BotTexts texts) => new([[Back(texts)]]);

    private static InlineKeyboardButton Back(BotTexts texts) => Button(texts.ButtonBack, CallbackData.BrandMenu);

    private static InlineKeyboardButton Button(string text, string data) => InlineKeyboardButton.WithCallbackData(text, data);

    private static string Mark(string text, bool selected) => selected ? "• " + text + " •" : text;
}

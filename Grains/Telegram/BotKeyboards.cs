using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Grains.Telegram;

/// <summary>The inline keyboards the bot shows.</summary>
internal static class BotKeyboards
{
    private static readonly string[] Languages = ["auto", "ru", "en"];

    /// <summary>The settings keyboard: one button per setting, showing its value.</summary>
    public static InlineKeyboardMarkup Settings(BotTexts texts, UserSettings settings) => new(
    [
        [Button(texts.ButtonSlides(settings.SlideCount), CallbackData.SettingsSlides), Button(texts.ButtonTheme(settings.Theme), CallbackData.SettingsTheme)],
        [Button(texts.ButtonSize(settings.Size), CallbackData.SettingsSize), Button(texts.ButtonLanguage(settings.Language), CallbackData.SettingsLanguage)],
        [Button(texts.ButtonFooter, CallbackData.SettingsFooter)],
    ]);

    /// <summary>Slide counts 3–20, six per row, the current one marked.</summary>
    public static InlineKeyboardMarkup SlideCounts(BotTexts texts, int current)
    {
        var counts = Enumerable.Range(UserSettings.MinSlideCount, UserSettings.MaxSlideCount - UserSettings.MinSlideCount + 1);
        var rows = counts
            .Select(n => Button(Mark(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n == current), CallbackData.SetSlides(n)))
            .Chunk(6)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .Append([Back(texts)])
            .ToArray();
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The themes, two per row, the current one marked.</summary>
    public static InlineKeyboardMarkup Themes(BotTexts texts, string current) => new(
        SlideThemes.Names
            .Select(name => Button(Mark(name, string.Equals(name, current, StringComparison.OrdinalIgnoreCase)), CallbackData.SetTheme(name)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .Append([Back(texts)])
            .ToArray());

    /// <summary>Portrait or square.</summary>
    public static InlineKeyboardMarkup Sizes(BotTexts texts, SlideSize current) => new(
    [
        [
            Button(Mark(texts.SizeName(SlideSize.Portrait), current == SlideSize.Portrait), CallbackData.SetSize(square: false)),
            Button(Mark(texts.SizeName(SlideSize.Square), current == SlideSize.Square), CallbackData.SetSize(square: true)),
        ],
        [Back(texts)],
    ]);

    /// <summary>Auto, Russian, English.</summary>
    public static InlineKeyboardMarkup CarouselLanguages(BotTexts texts, string current) => new(
    [
        Languages.Select(language => Button(Mark(texts.ButtonLanguage(language), language == current), CallbackData.SetLanguage(language))).ToArray(),
        [Back(texts)],
    ]);

    /// <summary>Under the footer question: remove the footer, or go back.</summary>
    public static InlineKeyboardMarkup Footer(BotTexts texts, bool hasFooter) => hasFooter
        ? new([[Button(texts.ButtonRemoveFooter, CallbackData.RemoveFooter)], [Back(texts)]])
        : new([[Back(texts)]]);

    /// <summary>The buttons under a delivered carousel: regenerate, another theme, ZIP, PDF, edit the slides.</summary>
    public static InlineKeyboardMarkup Result(BotTexts texts, string jobId) => new(
    [
        [Button(texts.ButtonRegenerate, CallbackData.Regenerate(jobId)), Button(texts.ButtonAnotherTheme, CallbackData.ThemePicker(jobId))],
        [Button(texts.ButtonZip, CallbackData.Zip(jobId)), Button(texts.ButtonPdf, CallbackData.Pdf(jobId))],
        [Button(EditTexts.For(texts.Language).ButtonEdit, CallbackData.EditSlides(jobId))],
    ]);

    /// <summary>Every theme but the job's, to regenerate the carousel in.</summary>
    public static InlineKeyboardMarkup ThemesFor(string jobId, string currentTheme) => new(
        SlideThemes.Names
            .Where(name => !string.Equals(name, currentTheme, StringComparison.OrdinalIgnoreCase))
            .Select(name => Button("🎨 " + name, CallbackData.RegenerateInTheme(jobId, name)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .ToArray());

    /// <summary>Per history entry: send again, regenerate, delete (numbered like the list).</summary>
    public static InlineKeyboardMarkup History(IReadOnlyList<HistoryEntry> entries) => new(
        entries.Select((entry, i) => (IReadOnlyList<InlineKeyboardButton>)
        [
            Button($"📤 {i + 1}", CallbackData.SendAgain(entry.JobId)),
            Button($"🔁 {i + 1}", CallbackData.HistoryRegenerate(entry.JobId)),
            Button($"🗑 {i + 1}", CallbackData.HistoryDelete(entry.JobId)),
        ]).ToArray());

    private static InlineKeyboardButton Back(BotTexts texts) => Button(texts.ButtonBack, CallbackData.SettingsMain);

    private static InlineKeyboardButton Button(string text, string data) => InlineKeyboardButton.WithCallbackData(text, data);

    private static string Mark(string text, bool selected) => selected ? "• " + text + " •" : text;
}

using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram;

/// <summary>Decides the language the bot replies in.</summary>
internal static class BotLanguage
{
    // Telegram clients in these languages most often read Russian better than English.
    private static readonly string[] RussianReaders = ["ru", "uk", "be", "kk", "uz", "ky", "tg", "hy", "az"];

    /// <summary>
    /// "ru" or "en": the user's carousel language setting when it is one of them, else Telegram's language_code
    /// (Russian for Russian and neighbouring languages, English otherwise).
    /// </summary>
    public static string Resolve(UserSettings? settings, string? languageCode)
    {
        if (settings?.Language is "ru" or "en")
        {
            return settings.Language;
        }

        if (string.IsNullOrEmpty(languageCode))
        {
            return "en";
        }

        var primary = languageCode.Split('-', 2)[0].ToLowerInvariant();
        return RussianReaders.Contains(primary) ? "ru" : "en";
    }
}

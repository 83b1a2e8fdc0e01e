namespace VibeCoder.Content;

/// <summary>Decides the language a carousel is written in.</summary>
internal static class ContentLanguage
{
    public const string Russian = "ru";
    public const string English = "en";

    /// <summary>
    /// "ru" and "en" are taken as asked; "auto" (and anything unknown, so an odd setting never blocks a user)
    /// follows the topic: Russian when most of its letters are Cyrillic, English otherwise.
    /// </summary>
    public static string Resolve(string? requested, string topic)
    {
        var normalized = requested?.Trim().ToLowerInvariant();
        return normalized switch
        {
            Russian => Russian,
            English => English,
            _ => IsMostlyCyrillic(topic) ? Russian : English,
        };
    }

    public static bool IsMostlyCyrillic(string text)
    {
        int cyrillic = 0, other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else
            {
                other++;
            }
        }

        return cyrillic > other;
    }
}

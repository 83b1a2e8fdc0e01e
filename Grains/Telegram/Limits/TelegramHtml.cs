using System.Text;

namespace VibeCoder.Grains.Telegram.Limits;

/// <summary>Text for Telegram's HTML parse mode.</summary>
internal static class TelegramHtml
{
    /// <summary>
    /// Escapes <paramref name="text"/> so Telegram shows it as written: the three characters its HTML parser reads
    /// (&lt; &gt; &amp;) become entities. Telegram counts a text's length after parsing, so the limits apply to
    /// <paramref name="text"/>, not to the escaped result.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }
}

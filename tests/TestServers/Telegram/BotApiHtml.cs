using System.Globalization;
using System.Text;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// Telegram's HTML parse mode as the real server reads it: the supported tags, properly nested; the entities
/// &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones; anything else with a &lt; is refused with "can't parse entities".
/// Limits (4,096 for texts, 1,024 for captions) apply to the visible text this returns.
/// </summary>
internal static class BotApiHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    private static readonly Dictionary<string, string> NamedEntities = new(StringComparer.Ordinal)
    {
        ["lt"] = "<", ["gt"] = ">", ["amp"] = "&", ["quot"] = "\"",
    };

    /// <summary>The text a user sees.</summary>
    /// <exception cref="BotApiRequestException">Telegram would refuse the markup.</exception>
    public static string VisibleText(string html)
    {
        var visible = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = ReadTag(html, i, open);
                continue;
            }

            if (c == '&' && TryReadEntity(html, i, out var decoded, out var next))
            {
                visible.Append(decoded);
                i = next;
                continue;
            }

            visible.Append(c);
            i++;
        }

        if (open.Count > 0)
        {
            throw Refused($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        }

        return visible.ToString();
    }

    private static int ReadTag(string html, int start, Stack<string> open)
    {
        var end = html.IndexOf('>', start);
        if (end < 0)
        {
            throw Refused($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
        }

        var inside = html[(start + 1)..end];
        var closing = inside.StartsWith('/');
        var name = (closing ? inside[1..] : inside).Split(' ', 2)[0].Trim().ToLowerInvariant();
        if (!Tags.Contains(name))
        {
            throw Refused($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, start)}");
        }

        if (!closing)
        {
            open.Push(name);
        }
        else if (open.Count == 0 || open.Peek() != name)
        {
            throw Refused($"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{(open.Count > 0 ? open.Peek() : "")}>\", found \"</{name}>\"");
        }
        else
        {
            open.Pop();
        }

        return end + 1;
    }

    // A lone '&' is shown as it is; "&name;" must be one of the four named entities, "&#…;" any code point.
    private static bool TryReadEntity(string html, int start, out string decoded, out int next)
    {
        decoded = "";
        next = start;
        var semicolon = html.IndexOf(';', start);
        if (semicolon < 0 || semicolon - start > 10)
        {
            return false;
        }

        var name = html[(start + 1)..semicolon];
        if (name.Length == 0 || name.Any(ch => !char.IsAsciiLetterOrDigit(ch) && ch != '#'))
        {
            return false;
        }

        if (name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (!int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is <= 0 or > 0x10FFFF)
            {
                throw Refused($"Invalid numeric entity \"&{name};\"");
            }

            decoded = char.ConvertFromUtf32(code);
        }
        else if (!NamedEntities.TryGetValue(name, out decoded!))
        {
            throw Refused($"Unsupported HTML entity \"&{name};\"");
        }

        next = semicolon + 1;
        return true;
    }

    private static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));

    private static BotApiRequestException Refused(string reason) => new("Bad Request: can't parse entities: " + reason);
}

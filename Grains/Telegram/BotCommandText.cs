namespace VibeCoder.Grains.Telegram;

/// <summary>A command typed by a user: <c>/name@bot arguments</c>.</summary>
/// <param name="Name">The command name in lower case, without the slash and the bot's username.</param>
/// <param name="Arguments">The text after the command, trimmed (empty when none).</param>
/// <param name="Text">The command as typed (for messages about unknown commands).</param>
internal sealed record BotCommandText(string Name, string Arguments, string Text)
{
    /// <summary>Reads a command from a message text; false when the text is not a command.</summary>
    public static bool TryParse(string? text, out BotCommandText command)
    {
        command = null!;
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length < 2 || char.IsWhiteSpace(text[1]))
        {
            return false;
        }

        var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
        var token = end < 0 ? text : text[..end];
        var arguments = end < 0 ? string.Empty : text[(end + 1)..].Trim();

        // In groups Telegram writes "/command@botname"; the bot answers to its commands whoever it is addressed to.
        var at = token.IndexOf('@');
        var name = (at < 0 ? token[1..] : token[1..at]).ToLowerInvariant();
        if (name.Length == 0)
        {
            return false;
        }

        command = new BotCommandText(name, arguments, token);
        return true;
    }
}

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// Reads the text a user sends as a slide's new words: the first line is the heading, the lines after it the text
/// below. One line changes only the heading; a first line of just "-" keeps the heading and changes only the text.
/// Whitespace is normalised as the editing rules do (line ends trimmed, the whole trimmed), so the lengths checked here
/// are the lengths stored.
/// </summary>
internal static class SlideTextInput
{
    /// <summary>The new heading and body; null for a part the message leaves as it is.</summary>
    public static (string? Heading, string? Body) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var newline = normalized.IndexOf('\n', StringComparison.Ordinal);
        var first = (newline < 0 ? normalized : normalized[..newline]).Trim();
        var rest = newline < 0 ? "" : string.Join('\n', normalized[(newline + 1)..].Split('\n').Select(line => line.TrimEnd())).Trim();
        return (first is "" or "-" ? null : first, rest.Length == 0 ? null : rest);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VibeCoder.TestServers.Telegram;

/// <summary>The Bot API's limits as the real server enforces them, with its error descriptions.</summary>
internal static partial class BotApiLimits
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxCallbackDataBytes = 64;
    public const int MaxPhotoBytes = 10 * 1024 * 1024;
    public const int MaxDocumentBytes = 50 * 1024 * 1024;
    public const int MaxCallbackAnswerLength = 200;

    // The real server compares parse_mode case-insensitively ("HTML", "html" and Telegram.Bot's "Html" all work).
    private static readonly HashSet<string> ParseModes = new(StringComparer.OrdinalIgnoreCase) { "HTML", "MarkdownV2", "Markdown" };

    /// <summary>The text parameter as sent; its parse mode is checked, and its length counted after parsing.</summary>
    public static string RequireText(BotApiParameters parameters)
    {
        var text = parameters.String("text");
        var visible = text is null ? null : Visible(text, ParseMode(parameters));
        if (string.IsNullOrWhiteSpace(visible))
        {
            throw new BotApiRequestException("Bad Request: message text is empty");
        }

        return visible.Length <= MaxTextLength ? text! : throw new BotApiRequestException("Bad Request: message is too long");
    }

    /// <summary>The caption as the user sees it (after parsing in <paramref name="parseMode"/>), at most 1,024 characters.</summary>
    public static string? Caption(string? caption, string? parseMode)
    {
        var visible = caption is null ? null : Visible(caption, parseMode);
        return visible is null || visible.Length <= MaxCaptionLength
            ? visible
            : throw new BotApiRequestException("Bad Request: message caption is too long");
    }

    public static string? ParseMode(BotApiParameters parameters) => ParseMode(parameters.String("parse_mode"));

    public static string? ParseMode(string? mode) =>
        string.IsNullOrEmpty(mode) || ParseModes.Contains(mode)
            ? mode
            : throw new BotApiRequestException($"Bad Request: unsupported parse_mode \"{mode}\"");

    // Telegram counts limits on the text after entity parsing; only HTML is modelled (Markdown passes as written).
    private static string Visible(string text, string? parseMode) =>
        string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase) ? BotApiHtml.VisibleText(text) : text;

    /// <summary>Checks an inline keyboard and returns its buttons; other markup kinds pass unchecked.</summary>
    public static IReadOnlyList<BotApiButton> Buttons(JsonNode? replyMarkup)
    {
        if (replyMarkup is not JsonObject markup || markup["inline_keyboard"] is not { } keyboard)
        {
            return [];
        }

        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
        {
            throw new BotApiRequestException("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
        }

        var buttons = new List<BotApiButton>();
        foreach (var button in rows.SelectMany(row => row!.AsArray()))
        {
            var text = JsonText.Of(button?["text"]);
            var data = JsonText.Of(button?["callback_data"]);
            var url = JsonText.Of(button?["url"]);
            if (string.IsNullOrEmpty(text))
            {
                throw new BotApiRequestException("Bad Request: text buttons are unallowed in the inline keyboard");
            }

            if (data is not null && Encoding.UTF8.GetByteCount(data) is 0 or > MaxCallbackDataBytes)
            {
                throw new BotApiRequestException("Bad Request: BUTTON_DATA_INVALID");
            }

            if (data is null && url is null)
            {
                throw new BotApiRequestException("Bad Request: inline keyboard button must have exactly one of the optional fields");
            }

            buttons.Add(new BotApiButton(text, data, url));
        }

        return buttons;
    }

    public static void BotCommand(JsonNode? command)
    {
        var name = JsonText.Of(command?["command"]);
        var description = JsonText.Of(command?["description"]);
        if (name is null || !CommandFormat().IsMatch(name))
        {
            throw new BotApiRequestException("Bad Request: BOT_COMMAND_INVALID");
        }

        if (description is not { Length: >= 1 and <= 256 })
        {
            throw new BotApiRequestException("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
        }
    }

    public static bool IsValidSecret(string secret) => SecretFormat().IsMatch(secret);

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandFormat();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretFormat();
}

using System.Text;
using VibeCoder.Telegram.Limits;

namespace VibeCoder.Telegram.Types;

/// <summary>A button of an inline keyboard (Bot API <c>InlineKeyboardButton</c>).</summary>
/// <remarks>
/// Made only through <see cref="WithCallbackData"/> and <see cref="WithUrl"/>, which check Telegram's limits,
/// so a button that Telegram would reject with BUTTON_DATA_INVALID cannot be built.
/// </remarks>
public sealed record InlineKeyboardButton
{
    private InlineKeyboardButton(string text, string? callbackData, string? url)
    {
        Text = text;
        CallbackData = callbackData;
        Url = url;
    }

    /// <summary>Label on the button.</summary>
    public string Text { get; }

    /// <summary>Data sent back in a <see cref="CallbackQuery"/>; 1–64 bytes of UTF-8.</summary>
    public string? CallbackData { get; }

    /// <summary>URL opened when the button is pressed.</summary>
    public string? Url { get; }

    /// <summary>A button that sends <paramref name="callbackData"/> back to the bot.</summary>
    /// <exception cref="ArgumentException">The text is empty, or the data is empty or longer than 64 bytes in UTF-8.</exception>
    public static InlineKeyboardButton WithCallbackData(string text, string callbackData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(callbackData);
        var bytes = Encoding.UTF8.GetByteCount(callbackData);
        if (bytes is < 1 or > TelegramLimits.MaxCallbackDataBytes)
        {
            throw new ArgumentException(
                $"callback_data must be 1-{TelegramLimits.MaxCallbackDataBytes} bytes of UTF-8; got {bytes} bytes.",
                nameof(callbackData));
        }

        return new InlineKeyboardButton(text, callbackData, url: null);
    }

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    /// <exception cref="ArgumentException">The text is empty or the URL is not an absolute http, https or tg URL.</exception>
    public static InlineKeyboardButton WithUrl(string text, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "tg"))
        {
            throw new ArgumentException("The button URL must be an absolute http, https or tg URL.", nameof(url));
        }

        return new InlineKeyboardButton(text, callbackData: null, url);
    }
}

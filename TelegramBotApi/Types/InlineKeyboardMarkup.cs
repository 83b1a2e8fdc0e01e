namespace VibeCoder.Telegram.Types;

/// <summary>An inline keyboard under a message (Bot API <c>InlineKeyboardMarkup</c>).</summary>
/// <param name="InlineKeyboard">Rows of buttons, top to bottom.</param>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard)
{
    /// <summary>A keyboard with one button per row.</summary>
    public static InlineKeyboardMarkup Column(params IEnumerable<InlineKeyboardButton> buttons) =>
        new(buttons.Select(button => (IReadOnlyList<InlineKeyboardButton>)[button]).ToArray());

    /// <summary>A keyboard with all buttons in one row.</summary>
    public static InlineKeyboardMarkup Row(params IEnumerable<InlineKeyboardButton> buttons) =>
        new([buttons.ToArray()]);
}

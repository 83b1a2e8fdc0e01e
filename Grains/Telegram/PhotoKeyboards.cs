using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;

namespace VibeCoder.Grains.Telegram;

/// <summary>
/// The keyboard under a saved background photo: a 3×3 grid of arrows choosing the focal point (the chosen cell shows
/// 🎯), the "use for all slides" switch, and "remove". Callback data: <c>p:f:{column}{row}:{photo}</c>,
/// <c>p:a:{photo}</c>, <c>p:x:{photo}</c>, where <c>{photo}</c> is the first <see cref="PhotoTagLength"/> hex digits of
/// the photo's hash, so a keyboard left under an older photo is recognised as such.
/// </summary>
internal static class PhotoKeyboards
{
    /// <summary>The prefix of every photo button.</summary>
    public const string Verb = "p";

    /// <summary>How many hex digits of the photo's hash the buttons carry.</summary>
    public const int PhotoTagLength = 8;

    private static readonly string[][] Arrows =
    [
        ["↖️", "⬆️", "↗️"],
        ["⬅️", "⏺", "➡️"],
        ["↙️", "⬇️", "↘️"],
    ];

    /// <summary>Centres the crop of photo <paramref name="hash"/> on cell <paramref name="column"/>, <paramref name="row"/>.</summary>
    public static string Focus(int column, int row, string hash) => $"p:f:{column}{row}:{Tag(hash)}";

    /// <summary>Toggles "use for all slides" of photo <paramref name="hash"/>.</summary>
    public static string AllSlides(string hash) => $"p:a:{Tag(hash)}";

    /// <summary>Removes the pending photo <paramref name="hash"/>.</summary>
    public static string Remove(string hash) => $"p:x:{Tag(hash)}";

    /// <summary>The part of a photo's hash its buttons carry.</summary>
    public static string Tag(string hash) => hash[..Math.Min(PhotoTagLength, hash.Length)];

    /// <summary>The keyboard for <paramref name="background"/> as it is now.</summary>
    public static InlineKeyboardMarkup For(PhotoTexts texts, SlideBackground background)
    {
        var (selectedColumn, selectedRow) = background.GetCell();
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        for (var row = 0; row < 3; row++)
        {
            var cells = new List<InlineKeyboardButton>(3);
            for (var column = 0; column < 3; column++)
            {
                var label = column == selectedColumn && row == selectedRow ? "🎯" : Arrows[row][column];
                cells.Add(InlineKeyboardButton.WithCallbackData(label, Focus(column, row, background.ImageHash)));
            }

            rows.Add(cells);
        }

        rows.Add([InlineKeyboardButton.WithCallbackData(texts.ButtonAllSlides(background.AllSlides), AllSlides(background.ImageHash))]);
        rows.Add([InlineKeyboardButton.WithCallbackData(texts.ButtonRemove, Remove(background.ImageHash))]);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Reads the <c>{column}{row}</c> of <c>p:f:{column}{row}:{photo}</c>; false for anything else.</summary>
    public static bool TryParseCell(string? argument, out int column, out int row)
    {
        column = row = 0;
        if (argument is not { Length: 2 } || argument[0] is < '0' or > '2' || argument[1] is < '0' or > '2')
        {
            return false;
        }

        column = argument[0] - '0';
        row = argument[1] - '0';
        return true;
    }
}

using System.Text;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Tests;

public sealed class InlineKeyboardButtonTests
{
    [Fact]
    public void WithCallbackData_64BytesOfCyrillic_IsAccepted()
    {
        var data = new string('д', 32); // 2 bytes each in UTF-8

        var button = InlineKeyboardButton.WithCallbackData("Да", data);

        Assert.Equal(64, Encoding.UTF8.GetByteCount(button.CallbackData!));
    }

    [Fact]
    public void WithCallbackData_Over64BytesOfUtf8_Throws()
    {
        var data = new string('д', 33); // 33 characters but 66 bytes

        var error = Assert.Throws<ArgumentException>(() => InlineKeyboardButton.WithCallbackData("Да", data));

        Assert.Contains("66 bytes", error.Message);
    }

    [Fact]
    public void WithCallbackData_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => InlineKeyboardButton.WithCallbackData("Text", ""));
    }

    [Fact]
    public void WithUrl_RelativeUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => InlineKeyboardButton.WithUrl("Open", "/carousels/1"));
    }
}

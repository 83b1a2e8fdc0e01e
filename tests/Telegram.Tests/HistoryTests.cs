using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class HistoryTests(BotFixture bot)
{
    [Fact]
    public async Task History_Empty_InvitesTheFirstCarousel()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/history");

        await bot.WaitForMessageAsync(chat, "No carousels yet");
    }

    [Fact]
    public async Task History_AfterACarousel_ListsItWithSendAgainRegenerateAndDelete()
    {
        var chat = BotFixture.NewChat();
        var (jobId, _) = await bot.MakeCarouselAsync(chat, "Tips for remote team meetings");

        await bot.SayAsync(chat, "/history");
        var history = await bot.WaitForMessageAsync(chat, "Your last carousels");
        Assert.Contains("1. ✅", history.Text, StringComparison.Ordinal);
        Assert.Equal(["h:s:" + jobId, "h:r:" + jobId, "h:d:" + jobId], history.Buttons.Select(b => b.CallbackData));

        await bot.PressAsync(chat, "h:s:" + jobId, history.MessageId!.Value);
        await bot.WaitForAsync(chat, "sendMediaGroup", call => bot.CallsTo(chat, "sendMediaGroup").Count == 2);
        await CarouselSteps.WaitForResultAsync(bot, chat, call => call.MessageId > history.MessageId);

        await bot.PressAsync(chat, "h:d:" + jobId, history.MessageId!.Value);
        await bot.WaitForAsync(chat, "editMessageText", call => call.MessageId == history.MessageId && call.Text!.Contains("No carousels yet", StringComparison.Ordinal));
    }
}

using System.Text;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.Telegram;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class CommandTests(BotFixture bot)
{
    [Fact]
    public async Task Start_NewUser_SendsWelcomeWithExampleThenSettingsKeyboard()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/start");

        var welcome = await bot.WaitForMessageAsync(chat, "Instagram carousel");
        Assert.Contains("for example", welcome.Text, StringComparison.Ordinal);
        var settings = await bot.WaitForMessageAsync(chat, "Settings");
        Assert.Contains(settings.Buttons, b => b.CallbackData == "s:n");
        Assert.Contains(settings.Buttons, b => b.CallbackData == "s:t");
        Assert.Contains(settings.Buttons, b => b.CallbackData == "s:z");
        Assert.Contains(settings.Buttons, b => b.CallbackData == "s:l");
        Assert.Contains(settings.Buttons, b => b.CallbackData == "s:f");
        var profile = await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile();
        Assert.Equal("Test", profile.Identity?.FirstName);
    }

    [Fact]
    public async Task Start_RussianClient_RepliesInRussian()
    {
        var chat = BotFixture.NewChat("ru");

        await bot.SayAsync(chat, "/start");

        var welcome = await bot.WaitForMessageAsync(chat, "Привет");
        Assert.Contains("карусель", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndTheQuota()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/help");

        var help = await bot.WaitForMessageAsync(chat, "How it works");
        foreach (var command in new[] { "/carousel", "/settings", "/history", "/cancel", "/help" })
        {
            Assert.Contains(command, help.Text, StringComparison.Ordinal);
        }

        Assert.Contains($"{BotFixture.QuotaPerHour} carousels per hour", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_AddressedToBotInGroupSyntax_IsUnderstood()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/help@vibecoder_standin_bot");

        await bot.WaitForMessageAsync(chat, "How it works");
    }

    [Fact]
    public async Task Carousel_WithoutTopic_AsksForOne()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/carousel");

        await bot.WaitForMessageAsync(chat, "What should the carousel be about?");
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Theory]
    [InlineData("ab", "too short")]
    [InlineData("\u0001\u0002\u200B", "Please send a topic")]
    public async Task Topic_Invalid_ExplainsWhatIsWrongAndStartsNothing(string topic, string expected)
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, topic);

        await bot.WaitForMessageAsync(chat, expected);
        Assert.DoesNotContain(bot.CallsTo(chat, "sendMessage"), call => call.Text!.Contains("starting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topic_LongerThan500Characters_IsRefusedWithTheLimit()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/carousel " + new string('x', 501));

        var reply = await bot.WaitForMessageAsync(chat, "too long");
        Assert.Contains("500", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_GetsAHelpfulReply()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/frobnicate now");

        var reply = await bot.WaitForMessageAsync(chat, "/frobnicate");
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sticker_GetsAFriendlyNudgeToSendText()
    {
        var chat = BotFixture.NewChat();

        await bot.Host.SendAsync(BotApiUpdates.StickerMessage(chat.ChatId, chat.UserId, updateId: BotFixture.NextUpdateId(), emoji: "🐱"));

        var reply = await bot.WaitForMessageAsync(chat, "sticker");
        Assert.Contains("🐱", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_FileTelegramCannotServe_AsksToSendItAgainAndStartsNothing()
    {
        var chat = BotFixture.NewChat();

        // The stand-in knows no file "photo-large": getFile answers 400 as Telegram does for an unknown id.
        await bot.Host.SendAsync(BotApiUpdates.PhotoMessage(chat.ChatId, chat.UserId, caption: "make this a carousel", updateId: BotFixture.NextUpdateId()));

        await bot.WaitForMessageAsync(chat, "couldn't download that picture");
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Stats_Admin_GetsTheFigures()
    {
        var chat = new TestChat(BotFixture.AdminUserId, "en");

        await bot.SayAsync(chat, "/stats");

        var stats = await bot.WaitForMessageAsync(chat, "Since start");
        Assert.Contains("Quota rejections", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_NotAdmin_IsRefused()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/stats");

        await bot.WaitForMessageAsync(chat, "for administrators");
        Assert.DoesNotContain(bot.CallsTo(chat, "sendMessage"), call => call.Text!.Contains("Since start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_NothingRunning_SaysSo()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/cancel");

        await bot.WaitForMessageAsync(chat, "Nothing to cancel");
    }

    [Fact]
    public async Task Replies_AreAlwaysWithinTelegramLimits()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/start");
        await bot.SayAsync(chat, "/help");
        await bot.WaitForMessageAsync(chat, "How it works");

        foreach (var call in bot.CallsTo(chat, "sendMessage"))
        {
            Assert.InRange(call.Text!.Length, 1, 4096);
            Assert.All(call.Buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.CallbackData ?? ""), 1, 64));
        }
    }
}

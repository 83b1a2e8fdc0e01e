using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class SettingsFlowTests(BotFixture bot)
{
    [Fact]
    public async Task Settings_EveryButton_ChangesTheSettingAndRedrawsTheMessage()
    {
        var chat = BotFixture.NewChat();
        await bot.SayAsync(chat, "/settings");
        var settings = await bot.WaitForMessageAsync(chat, "Settings");
        var messageId = settings.MessageId!.Value;

        await bot.PressAsync(chat, "s:n", messageId);
        var picker = await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("How many slides", StringComparison.Ordinal));
        Assert.Equal(18 + 1, picker.Buttons.Count); // 3..20 plus "back"
        Assert.Contains(picker.Buttons, b => b.CallbackData == "s:n:12");

        await bot.PressAsync(chat, "s:n:12", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Slides: 12", StringComparison.Ordinal));
        await bot.PressAsync(chat, "s:t:mint", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Theme: mint", StringComparison.Ordinal));
        await bot.PressAsync(chat, "s:z:s", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("square", StringComparison.Ordinal));

        var profile = await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile();
        Assert.Equal(new UserSettings(SlideCount: 12, Theme: "mint", Size: SlideSize.Square), profile.Settings);
        Assert.Contains(bot.StandIn.CallsTo("answerCallbackQuery"), call => call.StatusCode == 200 && call.Parameters.GetValueOrDefault("text") == "✅ Saved");
    }

    [Fact]
    public async Task Settings_LanguageRussian_SwitchesTheBotsLanguageAtOnce()
    {
        var chat = BotFixture.NewChat();
        await bot.SayAsync(chat, "/settings");
        var messageId = (await bot.WaitForMessageAsync(chat, "Settings")).MessageId!.Value;

        await bot.PressAsync(chat, "s:l", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Buttons.Any(b => b.CallbackData == "s:l:ru"));
        await bot.PressAsync(chat, "s:l:ru", messageId);

        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Настройки", StringComparison.Ordinal));
        await bot.SayAsync(chat, "/help");
        await bot.WaitForMessageAsync(chat, "Как это работает");
    }

    [Fact]
    public async Task FooterHandle_AskedThenTyped_IsSavedAndTheSessionStopsWaiting()
    {
        var chat = BotFixture.NewChat();
        await bot.SayAsync(chat, "/settings");
        var messageId = (await bot.WaitForMessageAsync(chat, "Settings")).MessageId!.Value;

        await bot.PressAsync(chat, "s:f", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("footer", StringComparison.Ordinal));
        Assert.Equal(SessionAwaiting.FooterHandle, (await Session(chat)).Awaiting);

        await bot.SayAsync(chat, "this handle is definitely far longer than forty characters");
        await bot.WaitForMessageAsync(chat, "1–40 characters");
        Assert.Equal(SessionAwaiting.FooterHandle, (await Session(chat)).Awaiting);

        await bot.SayAsync(chat, "@myblog");
        await bot.WaitForMessageAsync(chat, "Footer set to @myblog");
        Assert.Equal("@myblog", (await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile()).Settings.FooterHandle);
        Assert.Equal(SessionAwaiting.None, (await Session(chat)).Awaiting);
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup")); // the handle was not taken for a topic
    }

    [Fact]
    public async Task FooterHandle_CancelWhileAsked_KeepsTheOldHandle()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(FooterHandle: "@before"));
        await bot.SayAsync(chat, "/settings");
        var messageId = (await bot.WaitForMessageAsync(chat, "Settings")).MessageId!.Value;
        await bot.PressAsync(chat, "s:f", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Buttons.Any(b => b.CallbackData == "s:f:-"));

        await bot.SayAsync(chat, "/cancel");

        await bot.WaitForMessageAsync(chat, "nothing changed");
        Assert.Equal("@before", (await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile()).Settings.FooterHandle);
        Assert.Equal(SessionAwaiting.None, (await Session(chat)).Awaiting);
    }

    [Fact]
    public async Task FooterHandle_RemoveButton_ClearsIt()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(FooterHandle: "@gone"));
        await bot.SayAsync(chat, "/settings");
        var messageId = (await bot.WaitForMessageAsync(chat, "Settings")).MessageId!.Value;

        await bot.PressAsync(chat, "s:f:-", messageId);

        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Footer: —", StringComparison.Ordinal));
        Assert.Null((await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile()).Settings.FooterHandle);
    }

    [Fact]
    public async Task UnknownButton_IsAnsweredSoTheSpinnerStops()
    {
        var chat = BotFixture.NewChat();
        var queryId = Guid.NewGuid().ToString("N");

        await bot.Host.SendAsync(BotApiUpdates.CallbackQuery(chat.ChatId, chat.UserId, "zz:old-button", 5, queryId, BotFixture.NextUpdateId()));

        await bot.StandIn.WaitForCallAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId, BotFixture.Timeout);
    }

    private Task<SessionSnapshot> Session(TestChat chat) =>
        bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();
}

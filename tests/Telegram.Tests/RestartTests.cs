using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>Durability of the intake: what was acknowledged survives a crash, and nothing is handled twice.</summary>
public sealed class RestartTests : OwnHostTestBase
{
    [Fact]
    public async Task Webhook_StopRightAfterAccept_UpdateIsHandledOnceAcrossTheRestart()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        var chat = BotFixture.NewChat();
        var first = GatewayHost.Start(settings);
        await first.SendAsync(chat.Text("/help"));
        await WaitForReplyAsync(chat, "How it works");

        // Acknowledged, then the process goes down at once: the update is handled before the stop or after the
        // restart, from the durable stream, but never lost and never twice.
        await first.SendAsync(chat.Text("/history"));
        await first.DisposeAsync();

        await using var second = GatewayHost.Start(settings);
        await WaitForReplyAsync(chat, "No carousels yet");
        await second.SendAsync(chat.Text("/cancel"));
        await WaitForReplyAsync(chat, "Nothing to cancel");

        var replies = StandIn.CallsTo("sendMessage").Where(call => call.ChatId == chat.ChatId && call.StatusCode == 200).Select(call => call.Text!).ToArray();
        Assert.Single(replies, text => text.Contains("How it works", StringComparison.Ordinal));
        Assert.Single(replies, text => text.Contains("No carousels yet", StringComparison.Ordinal));
        Assert.Equal(3, (await second.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot()).HandledUpdates);
    }

    [Fact]
    public async Task Polling_RestartKeepsTheOffset_NothingLostNothingRepeated()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder), mode: "polling");
        var chat = BotFixture.NewChat();
        var first = GatewayHost.Start(settings);
        await StandIn.WaitForCallAsync(call => call.Method == "deleteWebhook" && call.StatusCode == 200, BotFixture.Timeout);
        var helpId = StandIn.EnqueueUpdate(chat.Text("/help", updateId: 500));
        await WaitForReplyAsync(chat, "How it works");
        await StandIn.WaitForLongPollAsync(BotFixture.Timeout); // the loop asked again, confirming update 500
        await first.DisposeAsync();

        // Sent while the bot is down: fetched after the restart, with the stored offset.
        StandIn.EnqueueUpdate(chat.Text("/history", updateId: helpId + 1));
        var pollsBefore = StandIn.CallsTo("getUpdates").Count;
        await using var second = GatewayHost.Start(settings);
        await WaitForReplyAsync(chat, "No carousels yet");

        var firstPollAfterRestart = StandIn.CallsTo("getUpdates").Skip(pollsBefore).First();
        Assert.Equal((helpId + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), firstPollAfterRestart.Parameters.GetValueOrDefault("offset"));
        var replies = StandIn.CallsTo("sendMessage").Where(call => call.ChatId == chat.ChatId && call.StatusCode == 200).ToArray();
        Assert.Single(replies, call => call.Text!.Contains("How it works", StringComparison.Ordinal));
        Assert.Equal(2, (await second.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot()).HandledUpdates);
        Assert.Equal(helpId + 2, await second.Grains.GetGrain<IUpdateOffsetGrain>(StandIn.Token.Split(':')[0]).GetOffset());
    }

    [Fact]
    public async Task Delivery_InterruptedAfterTheAlbum_ResumesAfterTheRestartWithoutSendingItAgain()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        settings["Carousel:WatchdogPeriod"] = "00:00:01";
        var chat = BotFixture.NewChat();

        // Every status edit fails, so the delivery stops after the album and the buttons (its last part is the edit
        // to "done"); the long retry delay keeps the workflow waiting until the host goes down.
        StandIn.InjectFailures("editMessageText", 1_000, BotApiFailure.ServerError(503));
        var first = GatewayHost.Start(new Dictionary<string, string?>(settings) { ["Carousel:RetryBaseDelay"] = "00:05:00" });
        await first.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3));
        await first.SendAsync(chat.Text("Bread baking for beginners"));
        var buttons = await StandIn.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.StatusCode == 200 && call.Buttons.Count > 0, BotFixture.Timeout);
        await StandIn.WaitForCallAsync(call => call.Method == "editMessageText" && call.ChatId == chat.ChatId && call.At > buttons.At, BotFixture.Timeout);
        await first.DisposeAsync();

        // A new process knows nothing in memory: what was sent must come from the workflow's stored state.
        StandIn.ClearFailures();
        var before = StandIn.Calls.Count;
        await using var second = GatewayHost.Start(settings);
        await StandIn.WaitForCallAsync(
            call => call.Method == "editMessageText" && call.ChatId == chat.ChatId && call.StatusCode == 200 && call.Text!.Contains("Done:", StringComparison.Ordinal),
            BotFixture.Timeout);

        var afterRestart = StandIn.Calls.Skip(before).Where(call => call.ChatId == chat.ChatId).ToArray();
        Assert.DoesNotContain(afterRestart, call => call.Method == "sendMediaGroup");
        Assert.DoesNotContain(afterRestart, call => call.Method == "sendMessage" && call.Buttons.Count > 0);
        Assert.Single(StandIn.CallsTo("sendMediaGroup"), call => call.ChatId == chat.ChatId);
    }

    [Fact]
    public async Task Outbox_HostRestartsDuringTelegramOutage_RepliesArriveOnceInOrderAfterwards()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        var chat = BotFixture.NewChat();
        StandIn.Outage = BotApiFailure.BadGatewayPage();
        var first = GatewayHost.Start(settings);
        await first.SendAsync(chat.Text("/help"));
        await first.SendAsync(chat.Text("/history"));
        await first.SendAsync(chat.Text("/cancel"));
        await OutboxSteps.WaitForOutboxAsync(first.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 3);
        await first.DisposeAsync();

        // A new process knows nothing in memory: its outbox comes back through the stored reminder, still finds
        // Telegram down, and keeps the replies until it answers.
        var before = StandIn.Calls.Count;
        await using var second = GatewayHost.Start(settings);
        await StandIn.WaitForCallsAsync(
            calls => calls.Skip(before).Any(call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.StatusCode == 502), BotFixture.Timeout);
        StandIn.Outage = null;

        await WaitForReplyAsync(chat, "Nothing to cancel");
        OutboxSteps.AssertEachOnceInOrder(OutboxSteps.DeliveredTexts(StandIn, chat.ChatId), "How it works", "No carousels yet", "Nothing to cancel");
        Assert.Equal(3, (await second.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot()).HandledUpdates);
    }

    private Task<BotApiCall> WaitForReplyAsync(TestChat chat, string text) =>
        StandIn.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.StatusCode == 200 && call.Text!.Contains(text, StringComparison.Ordinal),
            BotFixture.Timeout);
}

using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>Replies while Telegram is down or refuses: they wait in the chat's outbox and arrive later, once, in order.</summary>
[Collection(BotCollection.Name)]
public sealed class OutboxTests(BotFixture bot)
{
    [Fact]
    public async Task Replies_OutageLongerThanClientRetries_ArriveOnceInOrderAfterwards()
    {
        var chat = BotFixture.NewChat();
        bot.StandIn.Outage = BotApiFailure.ServerError(503);
        try
        {
            await bot.SayAsync(chat, "/help");
            await bot.SayAsync(chat, "/history");
            await bot.SayAsync(chat, "/cancel");

            // All three turns are done (their replies queued), and the outbox has tried and failed at least once itself.
            var queued = await OutboxSteps.WaitForOutboxAsync(bot.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 3);
            var failedBefore = FailedSends(chat);
            await bot.StandIn.WaitForCallsAsync(_ => FailedSends(chat) > failedBefore, BotFixture.Timeout);
            Assert.Empty(OutboxSteps.DeliveredTexts(bot.StandIn, chat.ChatId));
            Assert.Equal(3, queued.Pending.Count);
        }
        finally
        {
            bot.StandIn.Outage = null;
        }

        await bot.WaitForMessageAsync(chat, "Nothing to cancel");
        await OutboxSteps.WaitForOutboxAsync(bot.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 0);
        OutboxSteps.AssertEachOnceInOrder(OutboxSteps.DeliveredTexts(bot.StandIn, chat.ChatId), "How it works", "No carousels yet", "Nothing to cancel");
    }

    [Fact]
    public async Task FloodControl_OneChatHeld_AnotherChatsRepliesGoFirst()
    {
        var held = BotFixture.NewChat();
        var other = BotFixture.NewChat();

        // retry_after 300 s, scaled by the test settings to 3 s: the held chat's reply waits that long, the other's does not.
        bot.StandIn.InjectChatFailures(held.ChatId, "sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 300));
        await bot.SayAsync(held, "/help");
        await bot.StandIn.WaitForCallAsync(call => call.Method == "sendMessage" && call.ChatId == held.ChatId && call.StatusCode == 429, BotFixture.Timeout);
        await bot.SayAsync(other, "/help");

        var otherReply = await bot.WaitForMessageAsync(other, "How it works");
        var heldReply = await bot.WaitForMessageAsync(held, "How it works");

        var calls = bot.StandIn.Calls.ToList();
        Assert.True(calls.IndexOf(otherReply) < calls.IndexOf(heldReply), "The other chat's reply waited for the held chat.");
        Assert.Single(bot.StandIn.CallsTo("sendMessage"), call => call.ChatId == held.ChatId && call.StatusCode == 429);
        Assert.Single(bot.CallsTo(held, "sendMessage"));
        Assert.Single(bot.CallsTo(other, "sendMessage"));
        Assert.DoesNotContain(bot.StandIn.CallsTo("sendMessage"), call => call.ChatId == other.ChatId && call.StatusCode != 200);
    }

    [Fact]
    public async Task Queue_UserBlocksTheBotWhileRepliesWait_MarksInactiveAndDropsTheQueue()
    {
        var chat = BotFixture.NewChat();
        bot.StandIn.Outage = BotApiFailure.ConnectionDropped();
        try
        {
            await bot.SayAsync(chat, "/help");
            await bot.SayAsync(chat, "/history");
            await OutboxSteps.WaitForOutboxAsync(bot.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 2);
            bot.StandIn.BlockChat(chat.ChatId);
        }
        finally
        {
            bot.StandIn.Outage = null;
        }

        var emptied = await OutboxSteps.WaitForOutboxAsync(bot.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 0);

        Assert.Equal(2, emptied.Dropped);
        Assert.True((await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile()).Inactive);
        Assert.Single(bot.StandIn.CallsTo("sendMessage"), call => call.ChatId == chat.ChatId && call.StatusCode == 403);
        Assert.Empty(bot.CallsTo(chat, "sendMessage"));
    }

    [Fact]
    public async Task ZipButton_TelegramDown_UserIsToldLaterToPressAgainAndNoFileIsQueued()
    {
        var chat = BotFixture.NewChat();
        var (jobId, buttons) = await bot.MakeCarouselAsync(chat, "Composting in a small flat");
        bot.StandIn.Outage = BotApiFailure.ServerError(502);
        try
        {
            await bot.PressAsync(chat, "j:z:" + jobId, buttons.MessageId!.Value);
            await OutboxSteps.WaitForOutboxAsync(bot.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 1);
        }
        finally
        {
            bot.StandIn.Outage = null;
        }

        await bot.WaitForMessageAsync(chat, "could not take the file");
        Assert.Empty(bot.CallsTo(chat, "sendDocument"));
    }

    private int FailedSends(TestChat chat) =>
        bot.StandIn.CallsTo("sendMessage").Count(call => call.ChatId == chat.ChatId && call.StatusCode == 503);
}

using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class TelegramFailureTests(BotFixture bot)
{
    [Fact]
    public async Task Reply_TooManyRequestsWithRetryAfter_IsSentAfterTheWait()
    {
        var chat = BotFixture.NewChat();
        bot.StandIn.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 3));

        await bot.SayAsync(chat, "/help");

        await bot.WaitForMessageAsync(chat, "How it works");
        Assert.Contains(bot.StandIn.CallsTo("sendMessage"), call => call.StatusCode == 429);
        Assert.Single(bot.CallsTo(chat, "sendMessage"));
    }

    [Fact]
    public async Task Album_ServerErrors_AreRetriedAndTheCarouselArrivesOnce()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));
        bot.StandIn.InjectFailures("sendMediaGroup", 2, BotApiFailure.ServerError(502));

        await bot.SayAsync(chat, "Learning to cook on a budget");

        await CarouselSteps.WaitForResultAsync(bot, chat);
        Assert.Equal(2, bot.StandIn.CallsTo("sendMediaGroup").Count(call => call.StatusCode == 502));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        Assert.Single(bot.CallsTo(chat, "sendMessage"), call => call.Buttons.Count > 0);
    }

    [Fact]
    public async Task Delivery_OutageLongerThanClientRetries_WorkflowRunsTheStepAgain()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));

        // As many 5xx as the client makes attempts: the deliver step fails once, and the workflow runs it again.
        bot.StandIn.InjectFailures("sendMediaGroup", 4, BotApiFailure.ServerError(503));
        await bot.SayAsync(chat, "How to start running at forty");

        await CarouselSteps.WaitForResultAsync(bot, chat);
        Assert.Equal(4, bot.StandIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId && call.StatusCode == 503));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Delivery_OutageOutlastingEveryWorkflowAttempt_WaitsForTelegramAndDeliversOnce()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));

        // 20 failures are five deliver attempts of four client attempts each, beyond the workflow's MaxAttempts (3): the
        // step must wait for Telegram rather than fail the job.
        bot.StandIn.InjectFailures("sendMediaGroup", 20, BotApiFailure.ServerError(503));
        await bot.SayAsync(chat, "Growing tomatoes on a balcony");

        await CarouselSteps.WaitForResultAsync(bot, chat);
        var session = await bot.Host.Grains.GetGrain<VibeCoder.Grains.Sessions.ISessionGrain>(chat.UserIdText).GetSnapshot();
        Assert.Equal(JobStatus.Completed, (await CarouselSteps.WaitForFinalAsync(bot, session.ActiveJobId!)).Status);
        Assert.Equal(20, bot.StandIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId && call.StatusCode == 503));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Delivery_FloodControlLongerThanWorkflowBackoff_WaitsRetryAfterThenDeliversOnce()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));

        // retry_after 100 s, scaled by the test settings to 1 s: far beyond the workflow's own backoff (50 ms, three
        // attempts), so the carousel only arrives if the deliver step waits for Telegram's hold before trying again.
        bot.StandIn.InjectFailures("sendMediaGroup", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 100));
        await bot.SayAsync(chat, "Tea ceremonies around the world");

        await CarouselSteps.WaitForResultAsync(bot, chat);
        var session = await bot.Host.Grains.GetGrain<VibeCoder.Grains.Sessions.ISessionGrain>(chat.UserIdText).GetSnapshot();
        Assert.Equal(JobStatus.Completed, (await CarouselSteps.WaitForFinalAsync(bot, session.ActiveJobId!)).Status);
        Assert.Single(bot.StandIn.CallsTo("sendMediaGroup"), call => call.ChatId == chat.ChatId && call.StatusCode == 429);
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Reply_UserBlockedTheBot_MarksTheUserInactive()
    {
        var chat = BotFixture.NewChat();
        bot.StandIn.BlockChat(chat.ChatId);

        await bot.SayAsync(chat, "/help");
        await bot.StandIn.WaitForCallAsync(call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.StatusCode == 403, BotFixture.Timeout);

        await PressAndWaitAsync(chat);
        Assert.True((await Profile(chat)).Inactive);

        bot.StandIn.UnblockChat(chat.ChatId);
        await bot.SayAsync(chat, "/help");
        await bot.WaitForMessageAsync(chat, "How it works");
        Assert.False((await Profile(chat)).Inactive);
    }

    [Fact]
    public async Task Carousel_UserBlocksTheBotMidway_StopsSendingAndMarksInactive()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));
        bot.StandIn.InjectFailures("sendMediaGroup", 1, BotApiFailure.BlockedByUser());

        await bot.SayAsync(chat, "Houseplants that survive anything");

        await bot.StandIn.WaitForCallAsync(call => call.Method == "sendMediaGroup" && call.ChatId == chat.ChatId && call.StatusCode == 403, BotFixture.Timeout);
        var session = await bot.Host.Grains.GetGrain<VibeCoder.Grains.Sessions.ISessionGrain>(chat.UserIdText).GetSnapshot();
        var final = await CarouselSteps.WaitForFinalAsync(bot, session.ActiveJobId!);
        Assert.Equal(JobStatus.Completed, final.Status);
        Assert.True((await Profile(chat)).Inactive);
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
        Assert.DoesNotContain(bot.CallsTo(chat, "sendMessage"), call => call.Buttons.Count > 0);
    }

    [Fact]
    public async Task MyChatMember_KickedThenMember_TogglesInactive()
    {
        var chat = BotFixture.NewChat();

        await bot.Host.SendAsync(BotApiUpdates.MyChatMember(chat.ChatId, chat.UserId, "kicked", updateId: BotFixture.NextUpdateId()));
        await PressAndWaitAsync(chat);
        Assert.True((await Profile(chat)).Inactive);

        await bot.Host.SendAsync(BotApiUpdates.MyChatMember(chat.ChatId, chat.UserId, "member", oldStatus: "kicked", updateId: BotFixture.NextUpdateId()));
        await PressAndWaitAsync(chat);
        Assert.False((await Profile(chat)).Inactive);
    }

    // A button press is handled after everything the chat sent before it, and does not itself count as writing again.
    private async Task PressAndWaitAsync(TestChat chat)
    {
        var queryId = Guid.NewGuid().ToString("N");
        await bot.Host.SendAsync(BotApiUpdates.CallbackQuery(chat.ChatId, chat.UserId, "zz", 1, queryId, BotFixture.NextUpdateId()));
        await bot.StandIn.WaitForCallAsync(call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId, BotFixture.Timeout);
    }

    private Task<UserProfile> Profile(TestChat chat) => bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetProfile();
}

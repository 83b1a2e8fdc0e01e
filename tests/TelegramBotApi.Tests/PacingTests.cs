using Microsoft.Extensions.Options;
using VibeCoder.Telegram.Configuration;
using VibeCoder.Telegram.Pacing;
using VibeCoder.Telegram.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Tests;

/// <summary>Outgoing pacing, on a manual clock: no timing asserts, only which waits the client schedules.</summary>
public sealed class PacingTests : IClassFixture<StandInFixture>
{
    private const long ChatA = 9001;
    private const long ChatB = 9002;
    private readonly BotApiStandInServer _server;

    public PacingTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task SendMessage_FourthMessageToOneChat_WaitsOneSecondWhileOtherChatsAreNotDelayed()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, PerChatOneASecondBurstThree, time);
        for (var i = 1; i <= 3; i++)
        {
            await harness.Client.SendMessageAsync(ChatA, $"burst {i}").WaitAsync(TestFiles.Timeout);
        }

        var fourth = harness.Client.SendMessageAsync(ChatA, "fourth");
        var wait = Assert.Single(await time.WaitForPendingTimersAsync());
        await harness.Client.SendMessageAsync(ChatB, "other chat").WaitAsync(TestFiles.Timeout);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, _server.CallsTo("sendMessage").Count(call => call.ChatId == ChatA));
        time.Advance(TimeSpan.FromSeconds(1));
        var message = await fourth.WaitAsync(TestFiles.Timeout);
        Assert.Equal("fourth", message.Text);
        Assert.Equal(4, _server.CallsTo("sendMessage").Count(call => call.ChatId == ChatA));
    }

    [Fact]
    public async Task SendMessage_CancelledWhileWaiting_GivesItsTurnBack()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, PerChatOneASecondBurstThree, time);
        for (var i = 1; i <= 3; i++)
        {
            await harness.Client.SendMessageAsync(ChatA, $"burst {i}").WaitAsync(TestFiles.Timeout);
        }

        using var cancellation = new CancellationTokenSource();
        var cancelled = harness.Client.SendMessageAsync(ChatA, "never sent", cancellationToken: cancellation.Token);
        await time.WaitForPendingTimersAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestFiles.Timeout));

        var next = harness.Client.SendMessageAsync(ChatA, "next");
        var wait = Assert.Single(await time.WaitForPendingTimersAsync());

        // One second, not two: the cancelled message's token went back to the bucket.
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        time.Advance(wait);
        await next.WaitAsync(TestFiles.Timeout);
        Assert.DoesNotContain(_server.CallsTo("sendMessage"), call => call.Text == "never sent");
    }

    [Fact]
    public async Task SendPhoto_GlobalLimitReached_DelaysAMessageToANewChat()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.GlobalMessagesPerSecond = 2;
            options.GlobalBurst = 2;
        }, time);
        await harness.Client.SendPhotoAsync(ChatA, TestFiles.Png()).WaitAsync(TestFiles.Timeout);
        await harness.Client.SendPhotoAsync(ChatB, TestFiles.Png()).WaitAsync(TestFiles.Timeout);

        var third = harness.Client.SendPhotoAsync(9003, TestFiles.Png());
        var wait = Assert.Single(await time.WaitForPendingTimersAsync());

        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        time.Advance(wait);
        await third.WaitAsync(TestFiles.Timeout);
        Assert.Equal(3, _server.CallsTo("sendPhoto").Count);
    }

    [Fact]
    public async Task SendChatAction_ManyInARow_IsNotPaced()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, PerChatOneASecondBurstThree, time);

        for (var i = 0; i < 6; i++)
        {
            await harness.Client.SendChatActionAsync(ChatA, Types.ChatAction.Typing).WaitAsync(TestFiles.Timeout);
        }

        Assert.Empty(time.PendingTimers);
        Assert.Equal(6, _server.CallsTo("sendChatAction").Count);
    }

    [Fact]
    public async Task WaitAsync_GroupChat_IsPacedPerMinute()
    {
        var time = new ManualTimeProvider();
        var pacer = new OutgoingMessagePacer(Options.Create(new TelegramOptions { GroupMessagesPerMinute = 20, PerChatBurst = 1 }), time);
        await pacer.WaitAsync(-100_123, CancellationToken.None);

        var second = pacer.WaitAsync(-100_123, CancellationToken.None).AsTask();
        var wait = Assert.Single(await time.WaitForPendingTimersAsync());

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        time.Advance(wait);
        await second.WaitAsync(TestFiles.Timeout);
    }

    [Fact]
    public async Task WaitAsync_AfterSweepInterval_DropsIdleChatsButKeepsBusyOnes()
    {
        var time = new ManualTimeProvider();
        var options = new TelegramOptions
        {
            PacingSweepInterval = TimeSpan.FromSeconds(1),
            PerChatBurst = 3,
            PerChatMessagesPerSecond = 1,
            GlobalBurst = 1000,
            GlobalMessagesPerSecond = 1000,
        };
        var pacer = new OutgoingMessagePacer(Options.Create(options), time);
        for (long chat = 1; chat <= 100; chat++)
        {
            await pacer.WaitAsync(chat, CancellationToken.None);
        }

        const long busyChat = 500;
        for (var i = 0; i < 3; i++)
        {
            await pacer.WaitAsync(busyChat, CancellationToken.None);
        }

        Assert.Equal(101, pacer.TrackedChats);

        // One second later the single-message chats have refilled; the busy one (3 sent) has not.
        time.Advance(TimeSpan.FromSeconds(1));
        await pacer.WaitAsync(1000, CancellationToken.None);

        Assert.Equal(2, pacer.TrackedChats);
    }

    private static void PerChatOneASecondBurstThree(TelegramOptions options)
    {
        options.PerChatMessagesPerSecond = 1;
        options.PerChatBurst = 3;
    }
}

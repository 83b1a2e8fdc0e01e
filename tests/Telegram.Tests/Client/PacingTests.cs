using Telegram.Bot;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>
/// Pacing over System.Threading.RateLimiting, measured on the stand-in's clock of arrivals: a chat gets its burst at
/// once and then about one message a second; the global bucket spreads many chats; a full queue is refused at once.
/// </summary>
public sealed class PacingTests : IClassFixture<StandInFixture>
{
    // Buckets refill on the limiter's 100 ms heartbeat; allow for it below a nominal one-second spacing.
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(850);
    private readonly BotApiStandInServer _server;

    public PacingTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task SendMessage_ThreeToOneChatWithBurstOne_ArriveAboutASecondApart()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.PerChatMessagesPerSecond = 1;
            options.PerChatBurst = 1;
        });

        // Another chat first: the client's first call (JIT, a new connection) can take longer than a token's refill,
        // which would shorten the measured gap between the paced chat's first two messages.
        await harness.Client.SendMessage(7, "warm-up").WaitAsync(TestFiles.Timeout);
        for (var i = 0; i < 3; i++)
        {
            await harness.Client.SendMessage(42, $"m{i}").WaitAsync(TestFiles.Timeout);
        }

        var arrivals = _server.CallsTo("sendMessage").Where(call => call.ChatId == 42).Select(call => call.At).ToArray();
        Assert.Equal(3, arrivals.Length);
        Assert.True(arrivals[1] - arrivals[0] >= Spacing, $"second message after {arrivals[1] - arrivals[0]}");
        Assert.True(arrivals[2] - arrivals[1] >= Spacing, $"third message after {arrivals[2] - arrivals[1]}");
    }

    [Fact]
    public async Task SendMessage_OtherChats_AreNotHeldBackByAPacedChat()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.PerChatMessagesPerSecond = 1;
            options.PerChatBurst = 1;
        });
        await harness.Client.SendMessage(42, "first").WaitAsync(TestFiles.Timeout);
        var started = DateTimeOffset.UtcNow;

        var paced = harness.Client.SendMessage(42, "second");
        await harness.Client.SendMessage(43, "other chat").WaitAsync(TestFiles.Timeout);

        Assert.True(DateTimeOffset.UtcNow - started < Spacing, "another chat waited for chat 42's pacing");
        Assert.False(paced.IsCompleted);
        await paced.WaitAsync(TestFiles.Timeout);
    }

    [Fact]
    public async Task SendMessage_GlobalLimit_SpreadsManyChats()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.GlobalMessagesPerSecond = 2;
            options.GlobalBurst = 2;
        });
        var started = DateTimeOffset.UtcNow;

        // A burst of two, then a token every half second: the fourth message waits about a second.
        await Task.WhenAll(Enumerable.Range(1, 4).Select(chat => harness.Client.SendMessage(chat, "hello"))).WaitAsync(TestFiles.Timeout);

        Assert.True(DateTimeOffset.UtcNow - started >= Spacing, "four messages went out within the first second");
        Assert.Equal(4, _server.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task SendMessage_PacingQueueFull_IsRefusedAtOnceWithRetryLater()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.PerChatMessagesPerSecond = 1;
            options.PerChatBurst = 1;
            options.PacingQueueLimit = 1;
        });
        await harness.Client.SendMessage(42, "first").WaitAsync(TestFiles.Timeout);
        var queued = harness.Client.SendMessage(42, "queued");

        var refused = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(42, "one too many").WaitAsync(TestFiles.Timeout));

        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        await queued.WaitAsync(TestFiles.Timeout);
        Assert.DoesNotContain(_server.CallsTo("sendMessage"), call => call.Text == "one too many");
    }

    [Fact]
    public async Task SendChatAction_IsNotPaced()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.PerChatMessagesPerSecond = 1;
            options.PerChatBurst = 1;
        });
        await harness.Client.SendMessage(42, "first").WaitAsync(TestFiles.Timeout);
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
        {
            await harness.Client.SendChatAction(42, global::Telegram.Bot.Types.Enums.ChatAction.Typing).WaitAsync(TestFiles.Timeout);
        }

        Assert.True(DateTimeOffset.UtcNow - started < Spacing, "chat actions waited for pacing");
    }
}

using VibeCoder.Telegram.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Tests;

/// <summary>Which failures are retried, how, and what the caller finally sees.</summary>
public sealed class RetryTests : IClassFixture<StandInFixture>
{
    private const long ChatId = 7001;
    private readonly BotApiStandInServer _server;

    public RetryTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task SendMessage_429ThenSuccess_RetriesAndSucceeds()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 3));

        var message = await harness.Client.SendMessageAsync(ChatId, "hi").WaitAsync(TestFiles.Timeout);

        Assert.Equal("hi", message.Text);
        Assert.Equal([429, 200], _server.CallsTo("sendMessage").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task SendMessage_429WithDefaultScale_WaitsTheFullRetryAfter()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryAfterScale = 1, time);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 5));

        var send = harness.Client.SendMessageAsync(ChatId, "patience");
        var pending = await time.WaitForPendingTimersAsync();

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(pending));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(TimeSpan.FromSeconds(0.1), Assert.Single(time.PendingTimers));
        Assert.False(send.IsCompleted);
        Assert.Single(_server.CallsTo("sendMessage"));

        time.Advance(TimeSpan.FromSeconds(0.1));
        await send.WaitAsync(TestFiles.Timeout);
        Assert.Equal([429, 200], _server.CallsTo("sendMessage").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task SendMessage_RetryAfterBeyondCap_ThrowsAtOnceWithTheWait()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.MaxRetryAfter = TimeSpan.FromSeconds(10));
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 60));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => harness.Client.SendMessageAsync(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task GetMe_TwoServerErrorsThenSuccess_RetriesWithBackoff()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError(500));
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError(502));

        var me = await harness.Client.GetMeAsync().WaitAsync(TestFiles.Timeout);

        Assert.True(me.IsBot);
        Assert.Equal([500, 502, 200], _server.CallsTo("getMe").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task GetMe_ServerErrorsOnEveryAttempt_ThrowsAfterMaxAttempts()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.MaxAttempts = 4);
        _server.InjectFailures("getMe", 10, BotApiFailure.ServerError(503));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => harness.Client.GetMeAsync().WaitAsync(TestFiles.Timeout));

        Assert.Equal(503, error.ErrorCode);
        Assert.Equal(4, _server.CallsTo("getMe").Count);
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("deactivated")]
    public async Task SendMessage_403UserGone_ThrowsUserBlockedWithoutRetry(string reason)
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, reason == "blocked" ? BotApiFailure.BlockedByUser() : BotApiFailure.UserDeactivated());

        var error = await Assert.ThrowsAsync<TelegramUserBlockedException>(() => harness.Client.SendMessageAsync(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal(ChatId, error.ChatId);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task SendPhoto_ChatBlockedOnTheServer_ThrowsUserBlocked()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.BlockChat(ChatId);

        var error = await Assert.ThrowsAsync<TelegramUserBlockedException>(
            () => harness.Client.SendPhotoAsync(ChatId, TestFiles.Png()).WaitAsync(TestFiles.Timeout));

        Assert.Equal("Forbidden: bot was blocked by the user", error.Description);
    }

    [Fact]
    public async Task SendMessage_OtherForbidden_ThrowsPlainApiException()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, new BotApiFailure(403, "Forbidden: bot is not a member of the channel chat"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => harness.Client.SendMessageAsync(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        Assert.IsNotType<TelegramUserBlockedException>(error);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task SendMessage_400_ThrowsWithoutRetry()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.BadRequest("can't parse entities"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => harness.Client.SendMessageAsync(ChatId, "<b>").WaitAsync(TestFiles.Timeout));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: can't parse entities", error.Description);
        Assert.Contains("sendMessage", error.Message);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task GetMe_ConnectionDroppedOnce_RetriesAndSucceeds()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("getMe", 1, BotApiFailure.ConnectionDropped());

        var me = await harness.Client.GetMeAsync().WaitAsync(TestFiles.Timeout);

        Assert.True(me.IsBot);
        Assert.Equal([0, 200], _server.CallsTo("getMe").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task GetMe_ServerNeverAnswers_ThrowsTimeoutAfterEveryAttempt()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            options.RequestTimeout = TimeSpan.FromMilliseconds(300);
            options.MaxAttempts = 2;
        });
        _server.InjectFailures("getMe", 2, BotApiFailure.NoAnswer());

        var error = await Assert.ThrowsAsync<TimeoutException>(() => harness.Client.GetMeAsync().WaitAsync(TestFiles.Timeout));

        Assert.Contains("getMe", error.Message);
        await _server.WaitForCallsAsync(calls => calls.Count(call => call.Method == "getMe") == 2, TestFiles.Timeout);
    }

    [Fact]
    public async Task GetMe_CallerCancelsDuringBackoff_StopsRetrying()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryBaseDelay = options.RetryMaxDelay = TimeSpan.FromSeconds(10), time);
        _server.InjectFailures("getMe", 5, BotApiFailure.ServerError());
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.GetMeAsync(cancellation.Token);
        await time.WaitForPendingTimersAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestFiles.Timeout));
        Assert.Single(_server.CallsTo("getMe"));
    }
}

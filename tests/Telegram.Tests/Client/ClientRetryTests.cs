using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>Which failures our wrapper over TelegramBotClient retries, how, and what the caller finally sees.</summary>
public sealed class ClientRetryTests : IClassFixture<StandInFixture>
{
    private const long ChatId = 7001;
    private readonly BotApiStandInServer _server;

    public ClientRetryTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task SendMessage_429WithRetryAfter_ThrowsRetryLaterAtOnceWithoutWaiting()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryAfterScale = 1);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 120));
        var before = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.InRange(error.RetryAt, before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(121));
        Assert.Equal(ChatId, error.ChatId);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task SendMessage_ChatHeldByAnEarlier429_FailsFastWithoutCallingTelegram()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryAfterScale = 1);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 30));
        var first = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "one").WaitAsync(TestFiles.Timeout));

        var second = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "two").WaitAsync(TestFiles.Timeout));
        await harness.Client.SendMessage(ChatId + 1, "another chat").WaitAsync(TestFiles.Timeout);

        Assert.Equal(first.RetryAt, second.RetryAt);
        Assert.Single(_server.CallsTo("sendMessage"), call => call.ChatId == ChatId);
    }

    [Fact]
    public async Task SendMessage_HoldExpired_SendsAgain()
    {
        var time = new ManualTimeProvider();
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryAfterScale = 1, time);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(retryAfterSeconds: 5));
        var refused = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "hi").WaitAsync(TestFiles.Timeout));
        Assert.Equal(time.GetUtcNow().AddSeconds(5), refused.RetryAt);
        time.Advance(TimeSpan.FromSeconds(4.9));
        await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        time.Advance(TimeSpan.FromSeconds(0.1));
        var message = await harness.Client.SendMessage(ChatId, "hi").WaitAsync(TestFiles.Timeout);

        Assert.Equal("hi", message.Text);
        Assert.Equal([429, 200], _server.CallsTo("sendMessage").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task SendMessage_429WithoutParameters_RetryLaterAfterOneSecond()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RetryAfterScale = 1);
        _server.InjectFailures("sendMessage", 1, new BotApiFailure(429, "Too Many Requests"));

        var error = await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId, "hi").WaitAsync(TestFiles.Timeout));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task GetMe_TwoServerErrorsThenSuccess_RetriesWithBackoff()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError(500));
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError(502));

        var me = await harness.Client.GetMe().WaitAsync(TestFiles.Timeout);

        Assert.True(me.IsBot);
        Assert.Equal([500, 502, 200], _server.CallsTo("getMe").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task GetMe_ServerErrorsOnEveryAttempt_ThrowsTheLastAfterMaxAttempts()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.MaxAttempts = 4);
        _server.InjectFailures("getMe", 4, BotApiFailure.ServerError(503));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => harness.Client.GetMe().WaitAsync(TestFiles.Timeout));

        Assert.Equal(503, error.ErrorCode);
        Assert.Equal(4, _server.CallsTo("getMe").Count);
    }

    [Fact]
    public async Task SendMessage_HtmlErrorPageOn502_IsRetriedAndSucceeds()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 2, BotApiFailure.BadGatewayPage());

        var message = await harness.Client.SendMessage(ChatId, "through the proxy").WaitAsync(TestFiles.Timeout);

        Assert.Equal("through the proxy", message.Text);
        Assert.Equal([502, 502, 200], _server.CallsTo("sendMessage").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task SendMessage_HtmlErrorPageEveryTime_ThrowsRequestExceptionWithTheStatus()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 3, BotApiFailure.BadGatewayPage());

        var error = await Assert.ThrowsAsync<RequestException>(() => harness.Client.SendMessage(ChatId, "x").WaitAsync(TestFiles.Timeout));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.HttpStatusCode);
    }

    [Fact]
    public async Task SendMediaGroup_ServerErrorThenSuccess_UploadsTheFilesAgainInFull()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMediaGroup", 1, BotApiFailure.ServerError(500));

        var messages = await harness.Client.SendMediaGroup(
            ChatId, [new InputMediaPhoto(TestFiles.Png("a.png", 5000)), new InputMediaPhoto(TestFiles.Png("b.png", 6000))]).WaitAsync(TestFiles.Timeout);

        Assert.Equal(2, messages.Length);
        var sent = Assert.Single(_server.CallsTo("sendMediaGroup"), call => call.StatusCode == 200);
        Assert.Equal([5000, 6000], sent.Files.OrderBy(file => file.FileName).Select(file => file.Length));
    }

    [Fact]
    public async Task SendMessage_ConnectionDroppedThenSuccess_Retries()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.ConnectionDropped());

        await harness.Client.SendMessage(ChatId, "again").WaitAsync(TestFiles.Timeout);

        Assert.Equal([0, 200], _server.CallsTo("sendMessage").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task SendMessage_NoAnswer_TimesOutPerAttemptAndThrowsTimeout()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, options =>
        {
            // Long enough for each attempt to reach the stand-in on a loaded machine before the client gives up on it.
            options.RequestTimeout = TimeSpan.FromSeconds(1);
            options.MaxAttempts = 2;
        });
        _server.InjectFailures("sendMessage", 2, BotApiFailure.NoAnswer());

        await Assert.ThrowsAsync<TimeoutException>(() => harness.Client.SendMessage(ChatId, "anyone?").WaitAsync(TestFiles.Timeout));

        await _server.WaitForCallsAsync(calls => calls.Count(call => call.Method == "sendMessage") == 2, TestFiles.Timeout);
    }

    [Fact]
    public async Task GetMe_NothingListening_ThrowsRequestExceptionAfterRetries()
    {
        await using var harness = ClientHarness.Create(new Uri("http://127.0.0.1:9"), options => options.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<RequestException>(() => harness.Client.GetMe().WaitAsync(TestFiles.Timeout));

        Assert.Null(error.HttpStatusCode);
        Assert.Equal(2, harness.Logs.Entries.Count(entry => entry.Contains("Telegram getMe", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeleteMessage_UserBlockedTheBot_ThrowsBlockedWithoutRetrying()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.BlockChat(ChatId);

        var error = await Assert.ThrowsAsync<TelegramUserBlockedException>(() => harness.Client.SendMessage(ChatId, "hello?").WaitAsync(TestFiles.Timeout));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal(ChatId, error.ChatId);
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task EditMessageText_BadRequestWithoutParameters_ThrowsApiErrorAtOnce()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => harness.Client.EditMessageText(ChatId, 404, "x").WaitAsync(TestFiles.Timeout));

        Assert.Equal(400, error.ErrorCode);
        Assert.Null(error.Parameters);
        Assert.Contains("message to edit not found", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.CallsTo("editMessageText"));
    }
}

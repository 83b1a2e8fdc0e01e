using VibeCoder.Telegram.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Tests;

/// <summary>getUpdates long polling: the call waits on the server and returns as soon as an update arrives.</summary>
public sealed class GetUpdatesLongPollTests : IClassFixture<StandInFixture>
{
    private readonly BotApiStandInServer _server;

    public GetUpdatesLongPollTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task GetUpdates_UpdateArrivesDuringThePoll_ReturnsItBeforeTheTimeout()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        var poll = harness.Client.GetUpdatesAsync(timeout: TimeSpan.FromSeconds(30));
        await _server.WaitForLongPollAsync(TestFiles.Timeout);
        Assert.False(poll.IsCompleted);

        _server.EnqueueUpdate(BotApiUpdates.TextMessage(6001, 77, "hello"));
        var updates = await poll.WaitAsync(TestFiles.Timeout);

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task GetUpdates_PollLongerThanRequestTimeout_ReturnsEmptyInsteadOfTimingOut()
    {
        // The HTTP deadline is RequestTimeout + the poll timeout, so a quiet 2 s poll with a 1 s request timeout is fine.
        await using var harness = ClientHarness.Create(_server.BaseAddress, options => options.RequestTimeout = TimeSpan.FromSeconds(1));

        var updates = await harness.Client.GetUpdatesAsync(timeout: TimeSpan.FromSeconds(2)).WaitAsync(TestFiles.Timeout);

        Assert.Empty(updates);
        Assert.Equal(200, Assert.Single(_server.CallsTo("getUpdates")).StatusCode);
    }

    [Fact]
    public async Task GetUpdates_CallerCancels_StopsWaiting()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        using var cancellation = new CancellationTokenSource();
        var poll = harness.Client.GetUpdatesAsync(timeout: TimeSpan.FromSeconds(30), cancellationToken: cancellation.Token);
        await _server.WaitForLongPollAsync(TestFiles.Timeout);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(TestFiles.Timeout));
        var abandoned = await _server.WaitForCallAsync(call => call.Method == "getUpdates", TestFiles.Timeout);
        Assert.Equal(BotApiStandInServer.ClientClosedRequest, abandoned.StatusCode);
    }
}

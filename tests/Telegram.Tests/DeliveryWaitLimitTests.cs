using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>The deliver step waits for Telegram, but not forever: <c>Carousel:DeliveryWaitLimit</c> bounds it.</summary>
public sealed class DeliveryWaitLimitTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-telegram-tests", Guid.NewGuid().ToString("N"));
    private BotApiStandInServer _standIn = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _standIn = await BotApiStandInServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _standIn.DisposeAsync();
        }
        finally
        {
            TempFolder.Delete(_folder);
        }
    }

    [Fact]
    public async Task Delivery_TelegramDownBeyondTheWaitLimit_FailsTheJobAndRefunds()
    {
        var settings = GatewayHost.Settings(_standIn, GatewayHost.NewDatabasePath(_folder));
        settings["Carousel:DeliveryWaitLimit"] = "00:00:03";
        settings["QUOTA_PER_HOUR"] = "1"; // the probe below fits only if the failed job gave its unit back
        var chat = BotFixture.NewChat();
        _standIn.InjectFailures("sendMediaGroup", 10_000, BotApiFailure.ServerError(502));
        await using var host = GatewayHost.Start(settings);
        await host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3));

        await host.SendAsync(chat.Text("Night photography with a phone"));
        await _standIn.WaitForCallAsync(call => call.Method == "sendMediaGroup" && call.ChatId == chat.ChatId, BotFixture.Timeout);
        var jobId = (await host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot()).ActiveJobId!;
        var job = host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var final = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout);
        while (final is not { IsFinal: true })
        {
            final = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout);
        }

        Assert.Equal(JobStatus.Failed, final.Status);
        Assert.Contains("deliver", final.Error, StringComparison.Ordinal);
        Assert.True(_standIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId) > 12, $"The step gave up before waiting: {_standIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId)} calls; {string.Join(", ", _standIn.Calls.Select(c => c.Method + ":" + c.StatusCode))}");
        Assert.True((await host.Grains.GetGrain<IUserGrain>(chat.UserIdText).TryReserveQuota("probe")).Allowed);
    }
}

using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>The deliver step waits for Telegram, but not forever: <c>Carousel:DeliveryWaitLimit</c> bounds it.</summary>
public sealed class DeliveryWaitLimitTests : OwnHostTestBase
{
    [Fact]
    public async Task Delivery_TelegramDownBeyondTheWaitLimit_FailsTheJobAndRefunds()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        settings["Carousel:DeliveryWaitLimit"] = "00:00:03";
        settings["QUOTA_PER_HOUR"] = "1"; // the probe below fits only if the failed job gave its unit back
        var chat = BotFixture.NewChat();
        StandIn.InjectFailures("sendMediaGroup", 10_000, BotApiFailure.ServerError(502));
        await using var host = GatewayHost.Start(settings);
        await host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3));

        await host.SendAsync(chat.Text("Night photography with a phone"));
        await StandIn.WaitForCallAsync(call => call.Method == "sendMediaGroup" && call.ChatId == chat.ChatId, BotFixture.Timeout);
        var jobId = (await host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot()).ActiveJobId!;
        var job = host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var final = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout);
        while (final is not { IsFinal: true })
        {
            final = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout);
        }

        Assert.Equal(JobStatus.Failed, final.Status);
        Assert.Contains("deliver", final.Error, StringComparison.Ordinal);
        Assert.True(StandIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId) > 12, $"The step gave up before waiting: {StandIn.CallsTo("sendMediaGroup").Count(call => call.ChatId == chat.ChatId)} calls; {string.Join(", ", StandIn.Calls.Select(c => c.Method + ":" + c.StatusCode))}");
        Assert.True((await host.Grains.GetGrain<IUserGrain>(chat.UserIdText).TryReserveQuota("probe")).Allowed);
    }
}

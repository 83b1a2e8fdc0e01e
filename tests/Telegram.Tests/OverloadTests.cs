using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class OverloadTests(BotFixture bot)
{
    [Fact]
    public async Task Topic_SiloAtCapacity_BotSaysTooBusyAndRefundsTheQuota_TheTopicWorksOnceThereIsRoom()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));
        var admission = bot.Host.Services.GetRequiredService<JobAdmission>();
        var held = new List<JobAdmission.Ticket>();
        try
        {
            // The silo's places taken, as a burst of other jobs would take them.
            while (admission.TryAdmit() is { } ticket)
            {
                held.Add(ticket);
            }

            // More attempts than the hourly quota: each is refused as busy, never as over quota, so each was refunded.
            for (var attempt = 0; attempt <= BotFixture.QuotaPerHour; attempt++)
            {
                var updateId = BotFixture.NextUpdateId();
                await bot.Host.SendAsync(chat.Text("Morning routines that stick", updateId));

                var busyAnswers = attempt + 1;
                await bot.StandIn.WaitForCallsAsync(
                    calls => calls.Count(call => call.Method == "editMessageText" && call.ChatId == chat.ChatId
                        && call.Text?.Contains("Too many carousels", StringComparison.Ordinal) == true) >= busyAnswers,
                    BotFixture.Timeout);
                Assert.Null(await bot.Host.Grains.GetGrain<ICarouselJobGrain>(JobIds.ForUpdate(chat.ChatId, updateId)).Get());
            }
        }
        finally
        {
            held.ForEach(ticket => ticket.Abandoned());
        }

        await bot.SayAsync(chat, "Morning routines that stick");
        var result = await CarouselSteps.WaitForResultAsync(bot, chat);
        Assert.Equal(JobStatus.Completed, (await CarouselSteps.WaitForFinalAsync(bot, CarouselSteps.JobOf(result))).Status);
    }
}

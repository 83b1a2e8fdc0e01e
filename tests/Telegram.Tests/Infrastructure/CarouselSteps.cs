using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>Steps several tests share: make a small carousel and wait until it is delivered.</summary>
internal static class CarouselSteps
{
    /// <summary>
    /// Sets 3 slides (fast to draw), sends <paramref name="topic"/>, waits for the result buttons and for the job to be
    /// final (the workflow records history after delivering).
    /// </summary>
    /// <returns>The job id and the message carrying the result buttons.</returns>
    public static async Task<(string JobId, BotApiCall Buttons)> MakeCarouselAsync(this BotFixture bot, TestChat chat, string topic, int slides = 3)
    {
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: slides));
        await bot.SayAsync(chat, topic);
        var buttons = await WaitForResultAsync(bot, chat);
        var jobId = JobOf(buttons);
        await WaitForFinalAsync(bot, jobId);
        return (jobId, buttons);
    }

    /// <summary>Waits until the job is completed, failed or cancelled.</summary>
    public static async Task<CarouselJobSnapshot> WaitForFinalAsync(BotFixture bot, string jobId)
    {
        var job = bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var deadline = DateTime.UtcNow + BotFixture.Timeout;
        while (true)
        {
            // Long-polls the job grain: each call returns when the job is final or after at most MaxWait.
            var snapshot = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout);
            if (snapshot is { IsFinal: true })
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} is still {snapshot?.Status.ToString() ?? "missing"}.");
        }
    }

    /// <summary>Waits for the message with the result buttons (the last part of a delivery).</summary>
    public static Task<BotApiCall> WaitForResultAsync(BotFixture bot, TestChat chat, Func<BotApiCall, bool>? match = null) =>
        bot.WaitForAsync(chat, "sendMessage", call => call.Buttons.Any(b => b.CallbackData?.StartsWith("j:z:", StringComparison.Ordinal) == true) && (match?.Invoke(call) ?? true));

    /// <summary>The job id in the result buttons' callback data.</summary>
    public static string JobOf(BotApiCall buttons) =>
        buttons.Buttons.First(b => b.CallbackData!.StartsWith("j:z:", StringComparison.Ordinal)).CallbackData!["j:z:".Length..];
}

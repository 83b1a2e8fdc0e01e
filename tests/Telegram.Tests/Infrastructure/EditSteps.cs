using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>Steps the slide-editing tests share: the album's message ids, opening the editor, the slides as drawn.</summary>
internal static class EditSteps
{
    /// <summary>The message ids of the photos sent in sendMediaGroup/sendPhoto calls to the chat, first slide first.</summary>
    public static IReadOnlyList<long> AlbumMessageIds(BotApiStandInServer standIn, long chatId) =>
        standIn.Calls
            .Where(call => call.Method is "sendMediaGroup" or "sendPhoto" && call.ChatId == chatId && call.StatusCode == 200)
            .SelectMany(call => JsonNode.Parse(call.Result!) switch
            {
                JsonArray messages => messages.Select(message => message!["message_id"]!.GetValue<long>()),
                var message => [message!["message_id"]!.GetValue<long>()],
            })
            .ToArray();

    /// <summary>Presses "Edit slides" under the result and returns the editor message.</summary>
    public static async Task<BotApiCall> OpenEditorAsync(this BotFixture bot, TestChat chat, string jobId, long resultMessageId)
    {
        await bot.PressAsync(chat, "j:e:" + jobId, resultMessageId);
        return await bot.WaitForAsync(chat, "sendMessage", call => call.Buttons.Any(b => b.CallbackData == "e:d:" + jobId));
    }

    /// <summary>Waits until the editor message shows a text containing <paramref name="text"/> and returns that edit.</summary>
    public static Task<BotApiCall> WaitForEditorAsync(this BotFixture bot, TestChat chat, long editorId, string text) =>
        bot.WaitForAsync(chat, "editMessageText", call => call.MessageId == editorId && call.Text!.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits for <paramref name="count"/> successful editMessageMedia calls to the chat.</summary>
    public static async Task<IReadOnlyList<BotApiCall>> WaitForPhotoEditsAsync(this BotFixture bot, TestChat chat, int count)
    {
        await bot.StandIn.WaitForCallsAsync(
            calls => calls.Count(call => call.Method == "editMessageMedia" && call.ChatId == chat.ChatId && call.StatusCode == 200) >= count, BotFixture.Timeout);
        return bot.CallsTo(chat, "editMessageMedia");
    }

    /// <summary>The job as stored now.</summary>
    public static async Task<CarouselJobSnapshot> JobAsync(this BotFixture bot, string jobId) =>
        (await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).Get())!;

    /// <summary>Slide <paramref name="number"/> of the job as it is now, drawn (or cached) by the service.</summary>
    public static async Task<byte[]> SlidePngAsync(this BotFixture bot, string jobId, int number) =>
        (await bot.Host.Services.GetRequiredService<CarouselImages>().GetSlideAsync(jobId, number))!;

    /// <summary>Waits until the job's recorded album shows the image keys of its slides (the sync finished).</summary>
    public static async Task<CarouselJobSnapshot> WaitForAlbumInSyncAsync(this BotFixture bot, string jobId)
    {
        var deadline = DateTime.UtcNow + BotFixture.Timeout;
        while (true)
        {
            var job = await bot.JobAsync(jobId);
            if (job.TelegramAlbum is { } album && album.Messages.Select(m => m.ImageKey).SequenceEqual(job.Slides.Select(s => s.ImageKey)))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The album of job {jobId} did not catch up with revision {job.Revision}.");

            // The record is written right after the sync's last Telegram call: look again when the stand-in sees
            // another call, or after a second (the write may follow the call just seen).
            var seen = bot.StandIn.Calls.Count;
            try
            {
                await bot.StandIn.WaitForCallsAsync(calls => calls.Count > seen, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                // Nothing new at Telegram: read the record again.
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Delivery;

namespace VibeCoder.Grains.Telegram.Albums;

/// <summary>
/// One pass that makes a carousel's Telegram album show the carousel as it is now. Position by position it compares the
/// image key the photo message shows with the key of the slide now there, and replaces only the photos that differ
/// (<c>editMessageMedia</c>; the first photo keeps its caption). Photos beyond the last slide (after a removal) are
/// deleted. An album with fewer photos than slides (an undone removal) cannot grow, since Telegram adds nothing to a
/// sent album: the carousel is sent again as a new album and the old photos are deleted, so the chat still shows one.
/// </summary>
/// <remarks>
/// Idempotent: what already matches is left alone, and progress is recorded (through the caller's callback) even when
/// a Telegram failure ends the pass, so the next pass continues where this one stopped. Telegram's failures surface to
/// the caller as the bot client reports them (<see cref="TelegramRetryLaterException"/>, outages,
/// <see cref="TelegramUserBlockedException"/>), except refusals about single messages: a photo that can no longer be
/// edited (deleted by the user) makes the pass send the album again; one that cannot be deleted (older than Telegram
/// allows) stays and is forgotten.
/// </remarks>
internal sealed partial class TelegramAlbumSynchronizer(
    BotReplies replies, CarouselImages images, CarouselResultSender sender, ILogger<TelegramAlbumSynchronizer> logger)
{
    /// <summary>Brings <paramref name="job"/>'s album (which must be set) in line with its slides.</summary>
    /// <param name="job">The job as it is now.</param>
    /// <param name="record">Stores the album's new state (message ids and the image keys they show).</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    public async Task<AlbumSyncOutcome> SyncAsync(CarouselJobSnapshot job, Func<TelegramAlbum, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(record);
        var album = job.TelegramAlbum ?? throw new InvalidOperationException($"Job {job.Id} has no Telegram album.");
        var content = job.Content ?? throw new InvalidOperationException($"Job {job.Id} has no content.");
        var slides = job.Slides;
        if (slides.Count > album.Messages.Count)
        {
            await ResendAsync(job, album, record, cancellationToken);
            return AlbumSyncOutcome.Resent;
        }

        var messages = album.Messages.ToList();
        var stale = Enumerable.Range(0, slides.Count).Where(i => messages[i].ImageKey != slides[i].ImageKey).ToArray();
        if (stale.Length == 0 && messages.Count == slides.Count)
        {
            return AlbumSyncOutcome.Unchanged;
        }

        var changed = false;
        var lost = false;
        try
        {
            // Only the slides whose image changed are drawn (or taken from the cache).
            var pngs = stale.Length == 0 ? [] : await images.GetSlidesAsync(job, stale.Select(i => i + 1).ToArray(), cancellationToken);
            for (var k = 0; k < stale.Length && !lost; k++)
            {
                var i = stale[k];
                lost = !await ReplacePhotoAsync(album.ChatId, messages[i].MessageId, pngs[k], i, i == 0 ? AlbumCaption.ForFirstPhoto(content) : null, cancellationToken);
                if (!lost)
                {
                    messages[i] = messages[i] with { ImageKey = slides[i].ImageKey };
                    changed = true;
                }
            }

            if (!lost)
            {
                while (messages.Count > slides.Count)
                {
                    await DeleteAsync(album.ChatId, messages[^1].MessageId, cancellationToken);
                    messages.RemoveAt(messages.Count - 1);
                    changed = true;
                }
            }
        }
        finally
        {
            // Also when Telegram stopped the pass part-way: what was done is not done again.
            if (changed)
            {
                await record(album with { Messages = messages.ToArray() });
            }
        }

        if (lost)
        {
            await ResendAsync(job, album with { Messages = messages.ToArray() }, record, cancellationToken);
            return AlbumSyncOutcome.Resent;
        }

        return AlbumSyncOutcome.Updated;
    }

    // The new album is recorded before the old photos go: a failure in between leaves an extra album in the chat, never
    // a record pointing at deleted messages that the next pass would send again.
    private async Task ResendAsync(CarouselJobSnapshot job, TelegramAlbum album, Func<TelegramAlbum, Task> record, CancellationToken cancellationToken)
    {
        var pngs = await images.GetSlidesAsync(job, Enumerable.Range(1, job.Slides.Count).ToArray(), cancellationToken);
        var sent = await sender.SendAlbumsAsync(album.ChatId, job, pngs, cancellationToken);
        await record(new TelegramAlbum(album.ChatId, sent));
        Log.Resent(logger, job.Id, album.ChatId, album.Messages.Count, sent.Count);
        foreach (var old in album.Messages)
        {
            await DeleteAsync(album.ChatId, old.MessageId, cancellationToken);
        }
    }

    // False when Telegram says the message is gone or cannot be edited any more: the album must be sent again.
    private async Task<bool> ReplacePhotoAsync(long chatId, int messageId, byte[] png, int index, string? caption, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(png, writable: false);
        try
        {
            await replies.Bot.EditMessageMedia(
                chatId, messageId, new InputMediaPhoto(CarouselResultSender.Photo(stream, index)) { Caption = caption, ParseMode = ParseMode.Html },
                cancellationToken: cancellationToken);
            return true;
        }
        catch (ApiRequestException refused) when (IsRefusal(refused))
        {
            if (refused.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                return true; // it shows this image already
            }

            var gone = refused.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
                || refused.Message.Contains("can't be edited", StringComparison.OrdinalIgnoreCase);
            Log.EditRefused(logger, chatId, messageId, refused.Message);

            // Any other refusal would be refused again: the photo stays as it is rather than sending album after album.
            return !gone;
        }
    }

    private async Task DeleteAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            await replies.Bot.DeleteMessage(chatId, messageId, cancellationToken);
        }
        catch (ApiRequestException refused) when (IsRefusal(refused))
        {
            // Already gone, or older than Telegram lets a bot delete (48 hours): nothing more can be done about it.
            Log.DeleteRefused(logger, chatId, messageId, refused.Message);
        }
    }

    private static bool IsRefusal(ApiRequestException error) =>
        error.ErrorCode == 400 && error is not TelegramRetryLaterException and not TelegramUserBlockedException;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Carousel {JobId}: album in chat {ChatId} sent again ({Old} photos → {New})")]
        public static partial void Resent(ILogger logger, string jobId, long chatId, int old, int @new);

        [LoggerMessage(2, LogLevel.Warning, "Chat {ChatId}: Telegram refused to replace the photo of message {MessageId}: {Description}")]
        public static partial void EditRefused(ILogger logger, long chatId, int messageId, string description);

        [LoggerMessage(3, LogLevel.Information, "Chat {ChatId}: could not delete message {MessageId}: {Description}")]
        public static partial void DeleteRefused(ILogger logger, long chatId, int messageId, string description);
    }
}

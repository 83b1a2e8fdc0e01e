using System.Globalization;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Limits;
using VibeCoder.Grains.Telegram.Texts;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// Sends a finished carousel to a chat: the slides as album(s) of 2–10 photos uploaded from memory (20 slides: two
/// albums of ten), the caption with the hashtags on the first photo when they fit in 1,024 characters (HTML-escaped;
/// else as their own messages), then a message with the result buttons. Each part is recorded in
/// <see cref="DeliveredParts"/> once Telegram accepted it, so a resumed delivery does not repeat what arrived; the photo
/// messages are reported album by album (<see cref="TelegramAlbum"/>), so later edits can change them in place.
/// </summary>
internal sealed class CarouselResultSender(BotReplies replies)
{
    /// <summary>Sends the carousel; parts already in <paramref name="sentParts"/> are skipped and new ones added.</summary>
    public Task SendAsync(
        long chatId, CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, BotTexts texts, DeliveredParts sentParts, CancellationToken cancellationToken) =>
        SendAsync(chatId, job, slides, texts, sentParts, recordAlbum: null, cancellationToken);

    /// <summary>Sends the carousel; parts already in <paramref name="sentParts"/> are skipped and new ones added.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="job">The job (content needed); its <see cref="CarouselJobSnapshot.TelegramAlbum"/> holds the photos earlier attempts sent.</param>
    /// <param name="slides">The PNG of every slide, in order.</param>
    /// <param name="texts">The language of the bot's own words.</param>
    /// <param name="sentParts">Parts sent by earlier attempts (album:N, caption, hashtags, buttons); each new one is recorded as it goes out.</param>
    /// <param name="recordAlbum">
    /// Stores the photo messages sent so far (every album up to the one just accepted), before that album is recorded as
    /// a sent part; null to keep no record.
    /// </param>
    /// <param name="cancellationToken">Stops between calls.</param>
    public async Task SendAsync(
        long chatId,
        CarouselJobSnapshot job,
        IReadOnlyList<byte[]> slides,
        BotTexts texts,
        DeliveredParts sentParts,
        Func<TelegramAlbum, Task>? recordAlbum,
        CancellationToken cancellationToken)
    {
        var content = job.Content ?? throw new InvalidOperationException($"Job {job.Id} has no content to deliver.");
        var keys = job.Slides.Select(slide => slide.ImageKey).ToArray();

        // A resumed delivery continues the record an earlier attempt stored, if it is of this chat.
        var recorded = job.TelegramAlbum is { } earlier && earlier.ChatId == chatId ? earlier.Messages : [];
        var albums = MediaAlbums.Split(slides.Count);
        for (var a = 0; a < albums.Count; a++)
        {
            var part = "album:" + a.ToString(CultureInfo.InvariantCulture);
            if (sentParts.Contains(part))
            {
                continue;
            }

            var (offset, length) = albums[a].GetOffsetAndLength(slides.Count);
            var caption = a == 0 ? AlbumCaption.ForFirstPhoto(content) : null;
            var messages = await SendAlbumAsync(chatId, slides, offset, length, caption, cancellationToken);

            // Only a record without gaps is of use: an album sent before its earlier ones were recorded is not kept.
            if (recordAlbum is not null && recorded.Count >= offset && keys.Length == slides.Count)
            {
                recorded = [.. recorded.Take(offset), .. messages.Select((message, i) => new TelegramAlbumMessage(message.MessageId, keys[offset + i]))];
                await recordAlbum(new TelegramAlbum(chatId, recorded));
            }

            await sentParts.AddAsync(part);
        }

        if (!AlbumCaption.FitsOnPhoto(content))
        {
            await SendPartAsync(chatId, "caption", content.Caption, sentParts, cancellationToken);
            await SendPartAsync(chatId, "hashtags", AlbumCaption.Hashtags(content), sentParts, cancellationToken);
        }

        if (!sentParts.Contains("buttons"))
        {
            await replies.SendAsync(chatId, texts.ResultReady(content.Title), BotKeyboards.Result(texts, job.Id), cancellationToken);
            await sentParts.AddAsync("buttons");
        }
    }

    /// <summary>
    /// Sends every slide again as new album(s), the caption on the first photo as at first, nothing else; for an album
    /// that must grow (an undone removal), since Telegram cannot add photos to a sent album.
    /// </summary>
    /// <returns>The new photo messages, first slide first, with the slides' image keys.</returns>
    public async Task<IReadOnlyList<TelegramAlbumMessage>> SendAlbumsAsync(
        long chatId, CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, CancellationToken cancellationToken)
    {
        var content = job.Content ?? throw new InvalidOperationException($"Job {job.Id} has no content to send.");
        var keys = job.Slides.Select(slide => slide.ImageKey).ToArray();
        var sent = new List<TelegramAlbumMessage>(slides.Count);
        var albums = MediaAlbums.Split(slides.Count);
        for (var a = 0; a < albums.Count; a++)
        {
            var (offset, length) = albums[a].GetOffsetAndLength(slides.Count);
            var messages = await SendAlbumAsync(chatId, slides, offset, length, a == 0 ? AlbumCaption.ForFirstPhoto(content) : null, cancellationToken);
            sent.AddRange(messages.Select((message, i) => new TelegramAlbumMessage(message.MessageId, keys[offset + i])));
        }

        return sent;
    }

    /// <summary>The photo of slide <paramref name="index"/> (0-based) as an upload, named like the album's files.</summary>
    public static InputFileStream Photo(Stream png, int index) =>
        InputFile.FromStream(png, string.Create(CultureInfo.InvariantCulture, $"slide-{index + 1:00}.png"));

    private async Task<Message[]> SendAlbumAsync(
        long chatId, IReadOnlyList<byte[]> slides, int offset, int length, string? caption, CancellationToken cancellationToken)
    {
        var streams = Enumerable.Range(offset, length).Select(i => new MemoryStream(slides[i], writable: false)).ToArray();
        try
        {
            if (length == 1)
            {
                return [await replies.Bot.SendPhoto(chatId, Photo(streams[0], offset), caption, ParseMode.Html, cancellationToken: cancellationToken)];
            }

            var media = streams
                .Select((stream, i) => new InputMediaPhoto(Photo(stream, offset + i)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html })
                .ToArray();
            return await replies.Bot.SendMediaGroup(chatId, media, cancellationToken: cancellationToken);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task SendPartAsync(long chatId, string part, string text, DeliveredParts sentParts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || sentParts.Contains(part))
        {
            return;
        }

        await replies.SendAsync(chatId, text, cancellationToken: cancellationToken);
        await sentParts.AddAsync(part);
    }
}

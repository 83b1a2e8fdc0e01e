using System.Globalization;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Limits;
using VibeCoder.Grains.Telegram.Texts;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// Sends a finished carousel to a chat: the slides as album(s) of 2–10 photos uploaded from memory (20 slides: two
/// albums of ten), the caption with the hashtags on the first photo when they fit in 1,024 characters (HTML-escaped;
/// else as their own messages), then a message with the result buttons. Each part is recorded in
/// <see cref="DeliveredParts"/> once Telegram accepted it, so a resumed delivery does not repeat what arrived.
/// </summary>
internal sealed class CarouselResultSender(BotReplies replies)
{
    /// <summary>Sends the carousel; parts already in <paramref name="sentParts"/> are skipped and new ones added.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="job">The job (content needed).</param>
    /// <param name="slides">The PNG of every slide, in order.</param>
    /// <param name="texts">The language of the bot's own words.</param>
    /// <param name="sentParts">Parts sent by earlier attempts (album:N, caption, hashtags, buttons); each new one is recorded as it goes out.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    public async Task SendAsync(
        long chatId, CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, BotTexts texts, DeliveredParts sentParts, CancellationToken cancellationToken)
    {
        var content = job.Content ?? throw new InvalidOperationException($"Job {job.Id} has no content to deliver.");
        var hashtags = string.Join(' ', content.Hashtags);
        var captionWithTags = hashtags.Length == 0 ? content.Caption.Trim() : $"{content.Caption.Trim()}\n\n{hashtags}";
        var captionOnPhoto = captionWithTags.Length <= TelegramLimits.MaxCaptionLength;

        var albums = MediaAlbums.Split(slides.Count);
        for (var a = 0; a < albums.Count; a++)
        {
            var part = "album:" + a.ToString(CultureInfo.InvariantCulture);
            if (sentParts.Contains(part))
            {
                continue;
            }

            var (offset, length) = albums[a].GetOffsetAndLength(slides.Count);

            // HTML so a caption with < or & arrives as written; Telegram counts the length after parsing, as checked above.
            var caption = a == 0 && captionOnPhoto && captionWithTags.Length > 0 ? TelegramHtml.Escape(captionWithTags) : null;
            var streams = Enumerable.Range(offset, length).Select(i => new MemoryStream(slides[i], writable: false)).ToArray();
            try
            {
                if (length == 1)
                {
                    await replies.Bot.SendPhoto(chatId, Photo(streams[0], offset), caption, ParseMode.Html, cancellationToken: cancellationToken);
                }
                else
                {
                    var media = streams
                        .Select((stream, i) => new InputMediaPhoto(Photo(stream, offset + i)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html })
                        .ToArray();
                    await replies.Bot.SendMediaGroup(chatId, media, cancellationToken: cancellationToken);
                }
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync();
                }
            }

            await sentParts.AddAsync(part);
        }

        if (!captionOnPhoto)
        {
            await SendPartAsync(chatId, "caption", content.Caption, sentParts, cancellationToken);
            await SendPartAsync(chatId, "hashtags", hashtags, sentParts, cancellationToken);
        }

        if (!sentParts.Contains("buttons"))
        {
            await replies.SendAsync(chatId, texts.ResultReady(content.Title), BotKeyboards.Result(texts, job.Id), cancellationToken);
            await sentParts.AddAsync("buttons");
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

    // Distinct names per album (slide-01.png…): Telegram shows them, and a multipart body must not repeat a part.
    private static InputFileStream Photo(Stream png, int index) =>
        InputFile.FromStream(png, string.Create(CultureInfo.InvariantCulture, $"slide-{index + 1:00}.png"));
}

using System.Globalization;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Telegram.Limits;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// Sends a finished carousel to a chat: the slides as album(s) of at most ten, the caption with the hashtags on the
/// first photo when they fit in 1,024 characters (else as their own messages), then a message with the result
/// buttons. The caller keeps the set of parts already sent, so a retried delivery does not repeat what arrived.
/// </summary>
internal sealed class CarouselResultSender(BotReplies replies)
{
    /// <summary>Sends the carousel; parts already in <paramref name="sentParts"/> are skipped and new ones added.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="job">The job (content needed).</param>
    /// <param name="slides">The PNG of every slide, in order.</param>
    /// <param name="texts">The language of the bot's own words.</param>
    /// <param name="sentParts">Parts sent by earlier attempts (album:N, caption, hashtags, buttons); updated as parts go out.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    public async Task SendAsync(
        long chatId, CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, BotTexts texts, ISet<string> sentParts, CancellationToken cancellationToken)
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
            var caption = a == 0 && captionOnPhoto && captionWithTags.Length > 0 ? captionWithTags : null;
            if (length == 1)
            {
                await replies.Bot.SendPhotoAsync(chatId, Photo(slides, offset), caption, cancellationToken: cancellationToken);
            }
            else
            {
                var media = Enumerable.Range(offset, length)
                    .Select(i => new InputMediaPhoto(Photo(slides, i), i == offset ? caption : null))
                    .ToArray();
                await replies.Bot.SendMediaGroupAsync(chatId, media, cancellationToken);
            }

            sentParts.Add(part);
        }

        if (!captionOnPhoto)
        {
            await SendPartAsync(chatId, "caption", content.Caption, sentParts, cancellationToken);
            await SendPartAsync(chatId, "hashtags", hashtags, sentParts, cancellationToken);
        }

        if (!sentParts.Contains("buttons"))
        {
            await replies.SendAsync(chatId, texts.ResultReady(content.Title), BotKeyboards.Result(texts, job.Id), cancellationToken);
            sentParts.Add("buttons");
        }
    }

    private async Task SendPartAsync(long chatId, string part, string text, ISet<string> sentParts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || sentParts.Contains(part))
        {
            return;
        }

        await replies.SendAsync(chatId, text, cancellationToken: cancellationToken);
        sentParts.Add(part);
    }

    private static InputFile Photo(IReadOnlyList<byte[]> slides, int index) =>
        new(string.Create(CultureInfo.InvariantCulture, $"slide-{index + 1:00}.png"), slides[index], "image/png");
}

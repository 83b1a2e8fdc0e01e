using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// A photo of the user's own as a carousel background. A photo (or an image file) is checked like a logo — SVG and
/// over 20 MB from what the message says, then the header, then the pixels — downscaled, stored durably under its
/// SHA-256 and kept in the session for the next carousel, with a keyboard to pick the focal point (3×3) and whether
/// every slide shows it; the next topic starts a carousel drawn with it. With a caption, the caption is the topic and
/// the carousel starts at once with the photo centred. A refused upload gets a friendly reply and changes nothing.
/// </summary>
internal sealed partial class PhotoFlow(ConversationReplies replies, IGrainFactory grains, CarouselStarter starter, ILogger<PhotoFlow> logger)
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".heic", ".heif", ".svg"];

    /// <summary>True for a photo, or a document that says it is a picture (by MIME type or file name).</summary>
    public static bool IsImageMessage(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Photo is { Length: > 0 }
            || (message.Document is { } document
                && (document.MimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                    || ImageExtensions.Any(e => document.FileName?.EndsWith(e, StringComparison.OrdinalIgnoreCase) == true)));
    }

    /// <summary>Handles a photo or image file sent outside the logo question.</summary>
    public async Task OnPhotoMessageAsync(ConversationTurn turn, Message message, CancellationToken cancellationToken)
    {
        var texts = PhotoTexts.For(turn.Texts.Language);
        (string fileId, long? size, string? name, string? mime) = message switch
        {
            { Photo: { Length: > 0 } sizes } => (sizes[^1].FileId, sizes[^1].FileSize, null, "image/jpeg"),
            { Document: { } document } => (document.FileId, document.FileSize, document.FileName, document.MimeType),
            _ => throw new ArgumentException("The message carries no picture.", nameof(message)),
        };

        var photo = await DownloadAsync(turn, fileId, size, name, mime, texts, cancellationToken);
        if (photo is null)
        {
            return; // refused and answered: the session keeps whatever photo it had
        }

        await grains.GetGrain<IBackgroundPhotoGrain>(photo.Hash).Store(photo.Jpeg);
        var background = new SlideBackground(photo.Hash);
        turn.Session = turn.Session with { PendingBackground = background };
        turn.Interaction = "photo.saved";
        if (message.Caption is { } caption && !string.IsNullOrWhiteSpace(caption))
        {
            await replies.SendAsync(turn, texts.UsedWithCaption, cancellationToken: cancellationToken);
            await starter.StartFromTopicAsync(turn, caption, cancellationToken);
            return;
        }

        var (column, row) = background.GetCell();
        await replies.SendAsync(turn, texts.Saved(column, row, background.AllSlides), PhotoKeyboards.For(texts, background), cancellationToken);
    }

    /// <summary>Handles a photo button (<c>p:…</c>) pressed under <paramref name="message"/>.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, Message message, string[] data, CancellationToken cancellationToken)
    {
        var texts = PhotoTexts.For(turn.Texts.Language);
        var what = data.Length > 1 ? data[1] : string.Empty;
        turn.Interaction = "photo." + what;

        // The keyboard names its photo: one left under an older photo must not move the crop of the newer one.
        if (turn.Session.PendingBackground is not { } pending || data.Length < 3 || data[^1] != PhotoKeyboards.Tag(pending.ImageHash))
        {
            await replies.AnswerAsync(query, texts.NoLongerPending, cancellationToken);
            return;
        }

        SlideBackground? changed;
        switch (what)
        {
            case "f" when data.Length == 4 && PhotoKeyboards.TryParseCell(data[2], out var column, out var row):
                changed = pending.WithCell(column, row);
                break;
            case "a":
                changed = pending with { AllSlides = !pending.AllSlides };
                break;
            case "x":
                turn.Session = turn.Session with { PendingBackground = null };
                await replies.AnswerAsync(query, texts.Updated, cancellationToken);
                await replies.EditAsync(turn, message.MessageId, texts.Removed, cancellationToken: cancellationToken);
                return;
            default:
                await replies.AnswerAsync(query, turn.Texts.NotFound, cancellationToken);
                return;
        }

        turn.Session = turn.Session with { PendingBackground = changed };
        await replies.AnswerAsync(query, texts.Updated, cancellationToken);
        var (selectedColumn, selectedRow) = changed.GetCell();
        await replies.EditAsync(turn, message.MessageId, texts.Saved(selectedColumn, selectedRow, changed.AllSlides), PhotoKeyboards.For(texts, changed), cancellationToken);
    }

    // Cheapest checks first: what the message says, then the file Telegram describes, then the picture's header.
    private async Task<BackgroundPhoto?> DownloadAsync(
        ConversationTurn turn, string fileId, long? size, string? name, string? mime, PhotoTexts texts, CancellationToken cancellationToken)
    {
        var maxMegabytes = (int)(BackgroundPhotos.MaxUploadBytes / (1024 * 1024));
        if (mime == "image/svg+xml" || name?.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) == true)
        {
            await replies.SendAsync(turn, texts.Svg, cancellationToken: cancellationToken);
            return null;
        }

        if (size > BackgroundPhotos.MaxUploadBytes)
        {
            await replies.SendAsync(turn, texts.TooBig(maxMegabytes), cancellationToken: cancellationToken);
            return null;
        }

        await replies.ChatActionAsync(turn, ChatAction.UploadPhoto, cancellationToken);
        TGFile file;
        try
        {
            file = await replies.Bot.GetFile(fileId, cancellationToken);
        }
        catch (ApiRequestException refused) when (refused.ErrorCode == 400)
        {
            // Telegram refuses files over 20 MB ("file is too big") and ids it no longer knows.
            var tooBig = refused.Message.Contains("too big", StringComparison.OrdinalIgnoreCase);
            await replies.SendAsync(turn, tooBig ? texts.TooBig(maxMegabytes) : texts.CouldNotDownload, cancellationToken: cancellationToken);
            return null;
        }

        if (file.FileSize > BackgroundPhotos.MaxUploadBytes || file.FilePath is null)
        {
            await replies.SendAsync(turn, texts.TooBig(maxMegabytes), cancellationToken: cancellationToken);
            return null;
        }

        using var downloaded = new MemoryStream();
        await replies.Bot.DownloadFile(file.FilePath, downloaded, cancellationToken);
        var bytes = downloaded.ToArray();

        // Decoding a phone photo takes a few hundred milliseconds: on the thread pool, not on the grain's scheduler.
        var photo = await Task.Run(() => BackgroundPhotos.Prepare(bytes), cancellationToken);
        Log.PhotoChecked(logger, turn.ChatId, bytes.Length, photo.SourceWidth, photo.SourceHeight, photo.Refusal);
        var refusal = photo.Refusal switch
        {
            LogoRefusal.None => null,
            LogoRefusal.Svg => texts.Svg,
            LogoRefusal.TooLarge when photo.SourceWidth == 0 => texts.TooBig(maxMegabytes),
            LogoRefusal.TooLarge => texts.TooManyPixels(photo.SourceWidth, photo.SourceHeight, LogoImages.MaxSourceSide),
            _ => texts.NotAnImage,
        };
        if (refusal is null)
        {
            return photo;
        }

        await replies.SendAsync(turn, refusal, cancellationToken: cancellationToken);
        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Chat {ChatId}: background photo of {Bytes} bytes, {Width}×{Height}: {Refusal}")]
        public static partial void PhotoChecked(ILogger logger, long chatId, long bytes, int width, int height, LogoRefusal refusal);
    }
}

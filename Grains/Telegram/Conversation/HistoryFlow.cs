using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Delivery;
using VibeCoder.Grains.Users;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>/history: the user's last carousels, each with buttons to send it again, regenerate it or delete it.</summary>
internal sealed class HistoryFlow(
    IGrainFactory grains,
    ConversationReplies replies,
    CarouselResultSender sender,
    CarouselImages images,
    CarouselStarter starter,
    IOptions<TelegramBotOptions> options)
{
    /// <summary>Sends the history message.</summary>
    public async Task ShowAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var (text, keyboard) = await RenderAsync(turn);
        await replies.SendAsync(turn, text, keyboard, cancellationToken);
    }

    /// <summary>Handles a history button (<c>h:s|r|d:{job}</c>) pressed under <paramref name="message"/>.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, Message? message, string[] data, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var verb = data.Length == 3 ? data[1] : "";
        var jobId = data.Length == 3 ? data[2] : "";
        turn.Interaction = verb switch { "s" => "history.send", "r" => "history.regenerate", "d" => "history.delete", _ => "history" };
        var job = JobIds.IsJobId(jobId) ? await grains.GetGrain<ICarouselJobGrain>(jobId).Get() : null;
        if (job is null || verb is not ("s" or "r" or "d"))
        {
            await replies.AnswerAsync(query, texts.NotFound, cancellationToken);
            return;
        }

        if (job.Request.UserId != turn.UserId)
        {
            await replies.AnswerAsync(query, texts.NotYours, cancellationToken);
            return;
        }

        switch (verb)
        {
            case "s":
                await SendAgainAsync(turn, query, job, cancellationToken);
                break;
            case "r":
                await replies.AnswerAsync(query, texts.Starting, cancellationToken);
                await starter.StartLikeAsync(turn, job.Request, theme: null, cancellationToken);
                break;
            default:
                await turn.User.RemoveHistory(job.Id);
                await replies.AnswerAsync(query, texts.HistoryRemoved, cancellationToken);
                if (message is not null)
                {
                    var (text, keyboard) = await RenderAsync(turn);
                    await replies.EditAsync(turn, message.MessageId, text, keyboard, cancellationToken);
                }

                break;
        }
    }

    private async Task SendAgainAsync(ConversationTurn turn, CallbackQuery query, CarouselJobSnapshot job, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        // Delivering counts: the slides exist, the workflow is only recording history.
        if (job.Status is not (JobStatus.Completed or JobStatus.Delivering) || job.Content is null)
        {
            await replies.AnswerAsync(query, texts.NotReady, cancellationToken);
            return;
        }

        await replies.AnswerAsync(query, texts.Preparing, cancellationToken);
        await replies.ChatActionAsync(turn, ChatAction.UploadPhoto, cancellationToken);

        await replies.SendFileAsync(
            turn,
            async () =>
            {
                // Slides evicted from the image cache are drawn again: CPU work, kept off the grain's turn thread.
                var slides = await Task.Run(
                    async () =>
                    {
                        var pngs = new List<byte[]>(job.Content.Slides.Count);
                        for (var n = 1; n <= job.Content.Slides.Count; n++)
                        {
                            pngs.Add(await images.GetSlideAsync(job.Id, n, cancellationToken) ?? throw new InvalidOperationException($"Slide {n} of job {job.Id} is missing."));
                        }

                        return pngs;
                    },
                    cancellationToken);
                // The album sent last is the one later edits keep up to date.
                await sender.SendAsync(
                    turn.ChatId, job, slides, texts, DeliveredParts.InMemory(), album => grains.GetGrain<ICarouselJobGrain>(job.Id).SetTelegramAlbum(album), cancellationToken);
            },
            cancellationToken);
    }

    private async Task<(string Text, InlineKeyboardMarkup? Keyboard)> RenderAsync(ConversationTurn turn)
    {
        var entries = await turn.User.GetHistory(options.Value.HistoryPageSize);
        var texts = turn.Texts;
        if (entries.Count == 0)
        {
            return (texts.HistoryEmpty, null);
        }

        var lines = entries.Select((entry, i) => texts.HistoryLine(i + 1, entry));
        return (texts.HistoryHeader + "\n\n" + string.Join('\n', lines), BotKeyboards.History(entries));
    }
}

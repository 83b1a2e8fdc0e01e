using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>The buttons under a delivered carousel: regenerate, another theme, ZIP, PDF, edit the slides (<c>j:…</c>).</summary>
internal sealed class ResultActions(IGrainFactory grains, ConversationReplies replies, CarouselImages images, CarouselStarter starter, SlideEditFlow edits)
{
    /// <summary>Handles a result button.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, string[] data, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var verb = data.Length > 1 ? data[1] : "";
        var jobId = data[^1];
        turn.Interaction = verb switch { "r" => "result.regenerate", "t" => "result.themes", "tp" => "result.theme", "z" => "result.zip", "p" => "result.pdf", "e" => "result.edit", _ => "result" };
        var job = JobIds.IsJobId(jobId) ? await grains.GetGrain<ICarouselJobGrain>(jobId).Get() : null;
        if (job is null)
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
            case "r":
                await replies.AnswerAsync(query, texts.Starting, cancellationToken);
                await starter.StartLikeAsync(turn, job.Request, theme: null, cancellationToken);
                break;
            case "t":
                await replies.AnswerAsync(query, cancellationToken: cancellationToken);
                await replies.SendAsync(
                    turn, texts.PickThemeFor(job.Content?.Title ?? job.Request.Topic), BotKeyboards.ThemesFor(job.Id, job.Request.Design.Theme), cancellationToken);
                break;
            case "tp" when data.Length == 4 && SlideThemes.TryGet(data[2], out var theme):
                await replies.AnswerAsync(query, texts.Starting, cancellationToken);
                await starter.StartLikeAsync(turn, job.Request, theme.Name, cancellationToken);
                break;
            case "z":
                await SendDocumentAsync(turn, query, job, "zip", cancellationToken);
                break;
            case "p":
                await SendDocumentAsync(turn, query, job, "pdf", cancellationToken);
                break;
            case "e":
                await edits.OpenAsync(turn, query, job, cancellationToken);
                break;
            default:
                await replies.AnswerAsync(query, texts.NotFound, cancellationToken);
                break;
        }
    }

    private async Task SendDocumentAsync(ConversationTurn turn, CallbackQuery query, CarouselJobSnapshot job, string kind, CancellationToken cancellationToken)
    {
        if (job.Content is null)
        {
            await replies.AnswerAsync(query, turn.Texts.NotReady, cancellationToken);
            return;
        }

        await replies.AnswerAsync(query, turn.Texts.Preparing, cancellationToken);
        await replies.ChatActionAsync(turn, ChatAction.UploadDocument, cancellationToken);
        await replies.SendFileAsync(
            turn,
            async () =>
            {
                // Drawing every slide (or a PDF) is CPU work: keep it off the grain's turn thread.
                var bytes = await Task.Run(() => kind == "zip" ? images.GetZipAsync(job.Id, cancellationToken) : images.GetPdfAsync(job.Id, cancellationToken), cancellationToken);
                if (bytes is null)
                {
                    await replies.SendAsync(turn, turn.Texts.NotReady, cancellationToken: cancellationToken);
                    return;
                }

                using var content = new MemoryStream(bytes, writable: false);
                await replies.Bot.SendDocument(
                    turn.ChatId, InputFile.FromStream(content, $"carousel-{job.Id[..8]}.{kind}"),
                    caption: job.Content.Title.Length <= 200 ? job.Content.Title : null, cancellationToken: cancellationToken);
            },
            cancellationToken);
    }
}

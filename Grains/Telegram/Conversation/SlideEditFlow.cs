using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Telegram.Texts;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// The slide editor of a delivered carousel: "✏️ Edit slides" under the result opens one editor message; its keyboard
/// picks a slide and offers new text (the session then waits for the words), a rewrite by the content generator,
/// moving it left or right, removing it, undo and done. Every change is a call on the job grain (durable, ordered,
/// a new revision); the job grain then has the album updated in place (<see cref="ITelegramAlbumGrain"/>).
/// </summary>
/// <remarks>
/// Every keyboard carries the revision it was drawn for, and every edit is made against it: a press on a stale keyboard
/// (after an edit on the web page, or in another chat) is a conflict, answered by showing the carousel as it is now,
/// never an edit of whichever slide has moved into that position. Only the carousel's owner can edit it.
/// </remarks>
internal sealed class SlideEditFlow(IGrainFactory grains, ConversationReplies replies)
{
    // Longer than the record step takes, well within Telegram's time to answer a button.
    private static readonly TimeSpan OpenWait = TimeSpan.FromSeconds(5);

    /// <summary>Opens the editor for <paramref name="job"/> (ownership checked by the caller) in a new message.</summary>
    public async Task OpenAsync(ConversationTurn turn, CallbackQuery query, CarouselJobSnapshot job, CancellationToken cancellationToken)
    {
        var texts = Texts(turn);
        if (!job.IsFinal)
        {
            // The button arrives with the result while the job still records it: a moment's wait (the user sees
            // "typing") beats telling them to come back.
            await replies.ChatActionAsync(turn, ChatAction.Typing, cancellationToken);
            job = await grains.GetGrain<ICarouselJobGrain>(job.Id).WaitUntilFinal(OpenWait) ?? job;
        }

        if (!IsEditable(job))
        {
            await replies.AnswerAsync(query, texts.NotEditable, cancellationToken);
            return;
        }

        await replies.AnswerAsync(query, cancellationToken: cancellationToken);
        await replies.SendAsync(turn, texts.ChooseSlide(Title(job), job.Slides.Count, null), EditKeyboards.Slides(texts, job), cancellationToken);
    }

    /// <summary>Handles an editor button (<c>e:…</c>) pressed under <paramref name="message"/>.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, Message? message, string[] data, CancellationToken cancellationToken)
    {
        var texts = Texts(turn);
        var verb = data.Length > 1 ? data[1] : "";
        turn.Interaction = "edit." + verb switch
        {
            "o" => "slides", "d" => "done", "s" => "slide", "t" => "text", "w" => "rewrite", "x" => "remove", "l" or "r" => "move", "u" => "undo", _ => "unknown",
        };
        var press = Parse(verb, data);
        var job = press is not null && JobIds.IsJobId(press.JobId) ? await grains.GetGrain<ICarouselJobGrain>(press.JobId).Get() : null;
        if (job is null || message is null)
        {
            await replies.AnswerAsync(query, turn.Texts.NotFound, cancellationToken);
            return;
        }

        if (job.Request.UserId != turn.UserId)
        {
            await replies.AnswerAsync(query, turn.Texts.NotYours, cancellationToken);
            return;
        }

        // Any press but "new text" ends waiting for typed words: a text sent afterwards is a topic again.
        if (turn.Session.Awaiting == SessionAwaiting.SlideText)
        {
            turn.Session = turn.Session with { Awaiting = SessionAwaiting.None, EditingSlide = null };
        }

        var screen = new EditorScreen(turn, message.MessageId, texts);
        if (verb == "d")
        {
            await replies.AnswerAsync(query, cancellationToken: cancellationToken);
            await replies.EditAsync(turn, message.MessageId, texts.Closed(job.Revision), cancellationToken: cancellationToken);
            return;
        }

        if (!IsEditable(job))
        {
            await replies.AnswerAsync(query, texts.NotEditable, cancellationToken);
            return;
        }

        if (verb == "o")
        {
            await replies.AnswerAsync(query, cancellationToken: cancellationToken);
            await ShowSlidesAsync(screen, job, null, cancellationToken);
            return;
        }

        if (press!.Revision != job.Revision)
        {
            await replies.AnswerAsync(query, texts.Conflict, cancellationToken);
            await ShowSlidesAsync(screen, job, texts.Conflict, cancellationToken);
            return;
        }

        if (verb != "u" && (press.Slide < 1 || press.Slide > job.Slides.Count))
        {
            await replies.AnswerAsync(query, texts.NoSuchSlide, cancellationToken);
            return;
        }

        var slide = press.Slide;
        var edits = grains.GetGrain<ICarouselJobGrain>(job.Id);
        switch (verb)
        {
            case "s":
                await replies.AnswerAsync(query, cancellationToken: cancellationToken);
                await ShowSlideAsync(screen, job, slide, null, cancellationToken);
                break;
            case "t":
                await replies.AnswerAsync(query, cancellationToken: cancellationToken);
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.SlideText, EditingSlide = new EditingSlide(job.Id, slide, job.Revision) };
                var current = job.Slides[slide - 1];
                await replies.EditAsync(
                    turn, message.MessageId,
                    texts.AskText(slide, current.Heading, current.Body, CarouselContentValidator.MaxHeadingLength, CarouselContentValidator.MaxBodyLength),
                    EditKeyboards.WhileTyping(texts, job), cancellationToken);
                break;
            case "w":
                // The generator takes seconds: the spinner stops with a notice, the result follows as the editor's new text.
                await replies.AnswerAsync(query, texts.Rewriting(slide), cancellationToken);
                var rewritten = await grains.GetGrain<ISlideRewriterGrain>(0).Rewrite(job.Id, slide, press.Revision);
                await ShowOutcomeAsync(screen, rewritten, slide, null, result => ShowSlideAsync(screen, result, slide, texts.Rewritten(slide), cancellationToken), cancellationToken);
                break;
            case "x":
                var removed = await edits.EditSlide(SlideEdit.Remove(slide), press.Revision);
                await ShowOutcomeAsync(screen, removed, slide, query, result => ShowSlidesAsync(screen, result, texts.Removed(slide), cancellationToken), cancellationToken);
                break;
            case "l" or "r":
                var to = verb == "l" ? slide - 1 : slide + 1;
                var moved = await edits.EditSlide(SlideEdit.Move(slide, to), press.Revision);
                await ShowOutcomeAsync(screen, moved, slide, query, result => ShowSlideAsync(screen, result, to, texts.Moved(slide, to), cancellationToken), cancellationToken);
                break;
            case "u":
                var undone = await edits.Undo(press.Revision);
                await ShowOutcomeAsync(screen, undone, slide, query, result => ShowSlidesAsync(screen, result, texts.Undone, cancellationToken), cancellationToken);
                break;
        }
    }

    /// <summary>Handles the words typed for the slide the session waits for (<see cref="SessionAwaiting.SlideText"/>).</summary>
    public async Task OnTextAsync(ConversationTurn turn, string text, CancellationToken cancellationToken)
    {
        var texts = Texts(turn);
        var screen = new EditorScreen(turn, null, texts);
        if (turn.Session.EditingSlide is not { } editing)
        {
            turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
            await replies.SendAsync(turn, turn.Texts.NotFound, cancellationToken: cancellationToken);
            return;
        }

        var (heading, body) = SlideTextInput.Parse(text);
        var problem = (heading, body) switch
        {
            (null, null) => texts.TextEmpty,
            ({ Length: > CarouselContentValidator.MaxHeadingLength } tooLong, _) => texts.HeadingTooLong(tooLong.Length, CarouselContentValidator.MaxHeadingLength),
            (_, { Length: > CarouselContentValidator.MaxBodyLength } tooLong) => texts.BodyTooLong(tooLong.Length, CarouselContentValidator.MaxBodyLength),
            _ => null,
        };
        if (problem is not null)
        {
            await replies.SendAsync(turn, problem, cancellationToken: cancellationToken);
            return; // still waiting for usable words
        }

        var job = grains.GetGrain<ICarouselJobGrain>(editing.JobId);
        var result = await job.EditSlide(SlideEdit.Text(editing.Slide, heading, body), editing.Revision);
        if (result.Outcome == SlideEditOutcome.Invalid)
        {
            // Most likely the same words again; the session keeps waiting for others.
            await replies.SendAsync(turn, Unchanged(result.Job, editing.Slide, heading, body) ? texts.Unchanged : texts.NotPossible, cancellationToken: cancellationToken);
            return;
        }

        turn.Session = turn.Session with { Awaiting = SessionAwaiting.None, EditingSlide = null };
        await ShowOutcomeAsync(screen, result, editing.Slide, null, edited => ShowSlideAsync(screen, edited, editing.Slide, texts.Saved(editing.Slide), cancellationToken), cancellationToken);
    }

    // Applied: the next screen. Refused: a word why (as the button's notice, or a message), and after a conflict the
    // carousel as it is now, since the screen the user looked at is out of date.
    private async Task ShowOutcomeAsync(
        EditorScreen screen, SlideEditResult result, int slide, CallbackQuery? query, Func<CarouselJobSnapshot, Task> next, CancellationToken cancellationToken)
    {
        if (result is { Applied: true, Job: { } job })
        {
            if (query is not null)
            {
                await replies.AnswerAsync(query, cancellationToken: cancellationToken);
            }

            await next(job);
            return;
        }

        var texts = screen.Texts;
        var why = result.Outcome switch
        {
            SlideEditOutcome.NotFound => screen.Turn.Texts.NotFound,
            SlideEditOutcome.NotEditable => texts.NotEditable,
            SlideEditOutcome.Conflict => texts.Conflict,
            SlideEditOutcome.NothingToUndo => texts.NothingToUndo,
            SlideEditOutcome.Unavailable => texts.RewriteFailed,
            _ when result.Job?.Slides.Count < slide => texts.NoSuchSlide,
            _ => texts.NotPossible,
        };
        if (query is not null)
        {
            await replies.AnswerAsync(query, why, cancellationToken);
        }

        if (result.Outcome == SlideEditOutcome.Conflict && result.Job is { } current)
        {
            await ShowSlidesAsync(screen, current, why, cancellationToken);
        }
        else if (query is null)
        {
            await replies.SendAsync(screen.Turn, why, cancellationToken: cancellationToken);
        }
    }

    private Task ShowSlidesAsync(EditorScreen screen, CarouselJobSnapshot job, string? note, CancellationToken cancellationToken) =>
        screen.ShowAsync(replies, screen.Texts.ChooseSlide(Title(job), job.Slides.Count, note), EditKeyboards.Slides(screen.Texts, job), cancellationToken);

    private Task ShowSlideAsync(EditorScreen screen, CarouselJobSnapshot job, int number, string? note, CancellationToken cancellationToken)
    {
        var slide = job.Slides[number - 1];
        return screen.ShowAsync(replies, screen.Texts.Slide(number, job.Slides.Count, slide.Heading, slide.Body, note), EditKeyboards.Slide(screen.Texts, job, number), cancellationToken);
    }

    private static bool Unchanged(CarouselJobSnapshot? job, int slide, string? heading, string? body) =>
        job?.Slides is { } slides && slide <= slides.Count
        && (heading is null || heading == slides[slide - 1].Heading) && (body is null || body == slides[slide - 1].Body);

    private static bool IsEditable(CarouselJobSnapshot job) => job is { Status: JobStatus.Completed, Content: not null };

    private static string Title(CarouselJobSnapshot job) => job.Content?.Title ?? job.Request.Topic;

    private static EditTexts Texts(ConversationTurn turn) => EditTexts.For(turn.Texts.Language);

    // e:o|d:{job}; e:u:{revision}:{job}; e:{verb}:{slide}:{revision}:{job}. Null for anything else.
    private static Press? Parse(string verb, string[] data) => (verb, data.Length) switch
    {
        ("o" or "d", 3) => new Press(data[2], 0, 0),
        ("u", 4) when Number(data[2]) is { } revision => new Press(data[3], 0, revision),
        ("s" or "t" or "w" or "x" or "l" or "r", 5) when Number(data[2]) is { } slide && Number(data[3]) is { } revision => new Press(data[4], slide, revision),
        _ => null,
    };

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed record Press(string JobId, int Slide, int Revision);

    // The editor message a button was pressed under (edited in place), or none after typed text (a new message is sent).
    private sealed record EditorScreen(ConversationTurn Turn, int? MessageId, EditTexts Texts)
    {
        public Task ShowAsync(ConversationReplies replies, string text, InlineKeyboardMarkup keyboard, CancellationToken cancellationToken) =>
            MessageId is { } id
                ? replies.EditAsync(Turn, id, text, keyboard, cancellationToken)
                : replies.SendAsync(Turn, text, keyboard, cancellationToken);
    }
}

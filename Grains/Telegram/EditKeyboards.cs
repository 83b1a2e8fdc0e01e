using System.Globalization;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Texts;

namespace VibeCoder.Grains.Telegram;

/// <summary>
/// The inline keyboards of the slide editor. Only what the editing rules allow is offered (the cover stays first and
/// the last slide last, at least three slides remain), so a refusal is left for races and typed text.
/// </summary>
internal static class EditKeyboards
{
    private const int NumbersPerRow = 5;

    /// <summary>One button per slide, five a row, then undo (when there is something to undo) and done.</summary>
    public static InlineKeyboardMarkup Slides(EditTexts texts, CarouselJobSnapshot job)
    {
        var rows = job.Slides
            .Select(slide => Button(slide.Index.ToString(CultureInfo.InvariantCulture), CallbackData.EditSlide('s', slide.Index, job.Revision, job.Id)))
            .Chunk(NumbersPerRow)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .Append(Footer(texts, job, withSlides: false))
            .ToArray();
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>What can be done with slide <paramref name="number"/>: new text, rewrite, move, remove, undo, back, done.</summary>
    public static InlineKeyboardMarkup Slide(EditTexts texts, CarouselJobSnapshot job, int number)
    {
        var count = job.Slides.Count;
        var revision = job.Revision;
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>
        {
            new[] { Button(texts.ButtonNewText, CallbackData.EditSlide('t', number, revision, job.Id)), Button(texts.ButtonRewrite, CallbackData.EditSlide('w', number, revision, job.Id)) },
        };

        // Inner slides move between positions 2 and count-1; the cover and the last slide do not move at all.
        var moves = new List<InlineKeyboardButton>();
        if (number > 2 && number < count)
        {
            moves.Add(Button(texts.ButtonMoveLeft, CallbackData.EditSlide('l', number, revision, job.Id)));
        }

        if (number > 1 && number < count - 1)
        {
            moves.Add(Button(texts.ButtonMoveRight, CallbackData.EditSlide('r', number, revision, job.Id)));
        }

        if (moves.Count > 0)
        {
            rows.Add(moves);
        }

        if (number > 1 && number < count && count > CarouselContentValidator.MinSlides)
        {
            rows.Add([Button(texts.ButtonRemove, CallbackData.EditSlide('x', number, revision, job.Id))]);
        }

        rows.Add(Footer(texts, job, withSlides: true));
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Under the question for new words: back to the slides (stops waiting for them) or done.</summary>
    public static InlineKeyboardMarkup WhileTyping(EditTexts texts, CarouselJobSnapshot job) => new(
    [
        [Button(texts.ButtonSlides, CallbackData.EditChoose(job.Id)), Button(texts.ButtonDone, CallbackData.EditDone(job.Id))],
    ]);

    private static InlineKeyboardButton[] Footer(EditTexts texts, CarouselJobSnapshot job, bool withSlides)
    {
        var buttons = new List<InlineKeyboardButton>();
        if (job.UndoDepth > 0)
        {
            buttons.Add(Button(texts.ButtonUndo(job.UndoDepth), CallbackData.EditUndo(job.Revision, job.Id)));
        }

        if (withSlides)
        {
            buttons.Add(Button(texts.ButtonSlides, CallbackData.EditChoose(job.Id)));
        }

        buttons.Add(Button(texts.ButtonDone, CallbackData.EditDone(job.Id)));
        return [.. buttons];
    }

    private static InlineKeyboardButton Button(string text, string data) => InlineKeyboardButton.WithCallbackData(text, data);
}

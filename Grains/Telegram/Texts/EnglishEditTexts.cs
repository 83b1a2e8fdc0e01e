using System.Globalization;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>Slide editing in English.</summary>
internal sealed class EnglishEditTexts : EditTexts
{
    public override string ButtonEdit => "✏️ Edit slides";

    public override string ChooseSlide(string title, int slides, string? note) =>
        Note(note) + $"✏️ Editing «{title}» ({slides} slides). Which slide do you want to change? The album above changes in place.";

    public override string Slide(int number, int count, string heading, string body, string? note) =>
        Note(note) + $"Slide {number} of {count}\n\n{heading}\n\n{body}";

    public override string ButtonNewText => "✏️ New text";

    public override string ButtonRewrite => "✨ Rewrite";

    public override string ButtonMoveLeft => "⬅️ Move left";

    public override string ButtonMoveRight => "Move right ➡️";

    public override string ButtonRemove => "🗑 Remove";

    public override string ButtonUndo(int depth) => depth > 0 ? string.Create(CultureInfo.InvariantCulture, $"↩️ Undo ({depth})") : "↩️ Undo";

    public override string ButtonSlides => "🔢 Slides";

    public override string ButtonDone => "✅ Done";

    public override string AskText(int number, string heading, string body, int maxHeading, int maxBody) =>
        $"""
        Send the new text of slide {number}: the first line becomes the heading (up to {maxHeading} characters), the lines after it the text below (up to {maxBody}).
        One line changes only the heading; a first line of just "-" keeps it. /cancel leaves it as it is.

        Now:
        {heading}
        {body}
        """;

    public override string Closed(int revision) =>
        revision == 0 ? "Editing closed. Nothing was changed." : "✅ Editing closed. The album above shows the carousel as it is now; ZIP and PDF have the new slides too.";

    public override string Saved(int number) => $"✅ Slide {number} updated.";

    public override string Rewritten(int number) => $"✨ Slide {number} rewritten.";

    public override string Removed(int number) => $"🗑 Slide {number} removed.";

    public override string Moved(int from, int to) => $"↔️ Slide {from} is now slide {to}.";

    public override string Undone => "↩️ The last edit was undone.";

    public override string Rewriting(int number) => $"✨ Rewriting slide {number}…";


    public override string NotEditable => "Only a finished carousel can be edited. Wait until it is done.";

    public override string Conflict => "The carousel was changed elsewhere meanwhile. Here it is as it is now; please repeat the edit.";

    public override string NothingToUndo => "There is no edit to undo.";

    public override string NoSuchSlide => "That slide does not exist any more.";

    public override string TextEmpty => "That text is empty. Send a heading on the first line and the text below it.";

    public override string HeadingTooLong(int length, int max) => $"The heading has {length} characters; slides fit {max}. Please send a shorter one.";

    public override string BodyTooLong(int length, int max) => $"The text has {length} characters; slides fit {max}. Please send a shorter one.";

    public override string Unchanged => "The slide already says that.";

    public override string NotPossible => "That change is not possible: the cover stays first, the last slide last, and a carousel keeps at least 3 slides.";

    public override string RewriteFailed => "Could not rewrite the slide right now. Please try again in a minute.";

    private static string Note(string? note) => note is null ? "" : note + "\n\n";
}

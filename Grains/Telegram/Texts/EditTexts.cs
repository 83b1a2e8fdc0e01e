namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>What the bot says while a user edits a delivered carousel slide by slide, in one language. Plain text.</summary>
internal abstract class EditTexts
{
    private static readonly EditTexts English = new EnglishEditTexts();
    private static readonly EditTexts Russian = new RussianEditTexts();

    /// <summary>The texts for <paramref name="language"/> ("ru" → Russian, anything else → English), like <see cref="BotTexts.For"/>.</summary>
    public static EditTexts For(string? language) => language == "ru" ? Russian : English;

    /// <summary>The button under a delivered carousel that starts editing.</summary>
    public abstract string ButtonEdit { get; }

    /// <summary>The editor's first screen: pick a slide of carousel <paramref name="title"/>; <paramref name="note"/> says what just happened.</summary>
    public abstract string ChooseSlide(string title, int slides, string? note);

    /// <summary>One slide and what can be done with it; <paramref name="note"/> says what just happened.</summary>
    public abstract string Slide(int number, int count, string heading, string body, string? note);

    public abstract string ButtonNewText { get; }

    public abstract string ButtonRewrite { get; }

    public abstract string ButtonMoveLeft { get; }

    public abstract string ButtonMoveRight { get; }

    public abstract string ButtonRemove { get; }

    /// <summary>Undo, with how many edits it can still take back.</summary>
    public abstract string ButtonUndo(int depth);

    public abstract string ButtonSlides { get; }

    public abstract string ButtonDone { get; }

    /// <summary>Asks for the new words of slide <paramref name="number"/>.</summary>
    public abstract string AskText(int number, string heading, string body, int maxHeading, int maxBody);

    /// <summary>The editor closed.</summary>
    public abstract string Closed(int revision);

    public abstract string Saved(int number);

    public abstract string Rewritten(int number);

    public abstract string Removed(int number);

    public abstract string Moved(int from, int to);

    public abstract string Undone { get; }

    /// <summary>The short notice while the content generator writes a slide.</summary>
    public abstract string Rewriting(int number);


    // Refusals.

    /// <summary>The carousel is not finished (still running, failed or cancelled).</summary>
    public abstract string NotEditable { get; }

    /// <summary>Someone (the web page, another device) edited first; the screen is shown again as it is now.</summary>
    public abstract string Conflict { get; }

    public abstract string NothingToUndo { get; }

    public abstract string NoSuchSlide { get; }

    public abstract string TextEmpty { get; }

    public abstract string HeadingTooLong(int length, int max);

    public abstract string BodyTooLong(int length, int max);

    public abstract string Unchanged { get; }

    /// <summary>The cover and the last slide stay where they are; or the carousel would have too few slides.</summary>
    public abstract string NotPossible { get; }

    /// <summary>The content generator could not write a new version now.</summary>
    public abstract string RewriteFailed { get; }
}

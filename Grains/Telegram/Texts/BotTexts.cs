using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>
/// Everything the bot says, in one language. Plain text (no parse mode), so user-typed topics need no escaping.
/// Every text stays far below Telegram's 4,096 characters except where a caller splits it.
/// </summary>
internal abstract class BotTexts
{
    private static readonly BotTexts English = new EnglishBotTexts();
    private static readonly BotTexts Russian = new RussianBotTexts();

    /// <summary>"ru" or "en".</summary>
    public abstract string Language { get; }

    /// <summary>The texts for <paramref name="language"/> ("ru" → Russian, anything else → English).</summary>
    public static BotTexts For(string? language) => language == "ru" ? Russian : English;

    public abstract string Welcome(string? firstName, int defaultSlides);

    public abstract string Help(int quotaPerHour);

    public abstract string AskTopic { get; }

    public abstract string TopicEmpty { get; }

    public abstract string TopicTooShort(int minLength);

    public abstract string TopicTooLong(int maxLength);

    public abstract string Busy { get; }

    public abstract string QuotaReached(int perHour, TimeSpan wait, DateTimeOffset nextAt);

    public abstract string UserBlocked { get; }

    public abstract string StartFailed { get; }

    /// <summary>The service sheds new carousels (too many in progress): the user is asked to send the topic again later.</summary>
    public abstract string Overloaded { get; }

    public abstract string StatusAccepted(string topic);

    public abstract string StatusWriting(string topic);

    /// <summary>The status while generation waits out an outage of the AI service; the job continues by itself.</summary>
    public abstract string StatusDelayed(string topic);

    public abstract string StatusRendering(string topic, int done, int total);

    public abstract string StatusSending(string topic);

    public abstract string StatusDone(string title);

    public abstract string StatusFailed(string? error);

    public abstract string StatusCancelled { get; }

    public abstract string Cancelling { get; }

    public abstract string NothingToCancel { get; }

    public abstract string InputCancelled { get; }

    public abstract string ResultReady(string title);

    public abstract string Settings(UserSettings settings);

    public abstract string PickSlideCount { get; }

    public abstract string PickTheme { get; }

    public abstract string PickSize { get; }

    public abstract string PickLanguage { get; }

    public abstract string AskFooter { get; }

    public abstract string FooterSaved(string handle);

    public abstract string FooterRemoved { get; }

    public abstract string FooterInvalid { get; }

    public abstract string Saved { get; }

    public abstract string HistoryEmpty { get; }

    public abstract string HistoryHeader { get; }

    public abstract string HistoryLine(int number, HistoryEntry entry);

    public abstract string HistoryRemoved { get; }

    public abstract string PickThemeFor(string title);

    public abstract string Starting { get; }

    public abstract string NotFound { get; }

    public abstract string NotReady { get; }

    public abstract string NotYours { get; }

    public abstract string Preparing { get; }

    /// <summary>A ZIP, PDF or album could not be sent while Telegram is unreachable; the user should ask again later.</summary>
    public abstract string FileNotSent { get; }

    public abstract string UnknownCommand(string command);

    public abstract string AdminOnly { get; }

    public abstract string Sticker(string? emoji);

    public abstract string Photo { get; }

    public abstract string Unsupported { get; }

    public abstract string SomethingWentWrong { get; }

    public abstract string Stats(BotStatisticsSnapshot bot, long completed, long failed, long inFlight);

    public abstract string SizeName(SlideSize size);

    public abstract string LanguageName(string language);

    public abstract string ButtonSlides(int count);

    public abstract string ButtonTheme(string theme);

    public abstract string ButtonSize(SlideSize size);

    public abstract string ButtonLanguage(string language);

    public abstract string ButtonFooter { get; }

    public abstract string ButtonRemoveFooter { get; }

    public abstract string ButtonBack { get; }

    public abstract string ButtonRegenerate { get; }

    public abstract string ButtonAnotherTheme { get; }

    public abstract string ButtonZip { get; }

    public abstract string ButtonPdf { get; }

    public abstract string ButtonSettings { get; }

    /// <summary>The texts of the /brand flow.</summary>
    public abstract BrandTexts Brand { get; }

    /// <summary>The commands for the menu (setMyCommands), in this language.</summary>
    public abstract IReadOnlyList<(string Command, string Description)> Commands { get; }

    /// <summary>A user-typed text shortened for a one-line mention (history, status).</summary>
    protected static string Short(string text, int max = 80) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");

    protected static string StatusIcon(JobStatus status) => status switch
    {
        JobStatus.Completed => "✅",
        JobStatus.Failed => "❌",
        JobStatus.Cancelled => "⏹",
        _ => "⏳",
    };

    protected static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}

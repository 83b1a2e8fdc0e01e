using System.Globalization;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The bot's English texts.</summary>
internal sealed class EnglishBotTexts : BotTexts
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public override string Language => "en";

    public override string Welcome(string? firstName, int defaultSlides) =>
        $"""
        👋 Hi{(string.IsNullOrWhiteSpace(firstName) ? "" : ", " + Short(firstName, 40))}! I turn a topic into an Instagram carousel: {defaultSlides} slides of 1080×1350 with a caption and hashtags.

        Just send me a topic, for example:
        «5 habits of productive developers»

        Or use /carousel <topic>. Slides, theme, size and language are below (and in /settings). /help lists everything.
        """;

    public override string Help(int quotaPerHour) =>
        $"""
        How it works:
        1. Send a topic (3–500 characters) or /carousel <topic>.
        2. I write the slides, draw them and send them as an album with a caption and hashtags.
        3. Under the result: regenerate, another theme, ZIP or PDF.

        Commands:
        /carousel <topic> — make a carousel
        /settings — slides, theme, size, language, footer
        /brand — your brand: colours, fonts, logo, name
        /history — your last carousels
        /cancel — stop the current carousel
        /help — this message

        Limit: {quotaPerHour} carousels per hour.
        """;

    public override string AskTopic => "What should the carousel be about? Send the topic as a message, e.g. «How to learn SQL in a month».";

    public override string TopicEmpty => "Please send a topic: a few words about what the carousel should cover.";

    public override string TopicTooShort(int minLength) => $"The topic is too short: please use at least {minLength} characters.";

    public override string TopicTooLong(int maxLength) => $"The topic is too long: please keep it within {maxLength} characters.";

    public override string Busy => "⏳ A carousel is already in progress. Wait for it, or stop it with /cancel.";

    public override string QuotaReached(int perHour, TimeSpan wait, DateTimeOffset nextAt) =>
        $"🙌 You've made {perHour} carousels in the last hour, which is the limit. The next one is possible in {Minutes(wait)} min (at {nextAt.ToString("HH:mm", Culture)} UTC).";

    public override string UserBlocked => "Sorry, making carousels is not available for your account.";

    public override string Overloaded => "🚦 Too many carousels are being made right now. Please send the topic again in a minute.";

    public override string StartFailed => "😕 I couldn't start the carousel. Please try again in a minute.";

    public override string StatusAccepted(string topic) => $"⏳ «{Short(topic)}»\nGot it, starting…";

    public override string StatusWriting(string topic) => $"✍️ «{Short(topic)}»\nWriting the slides…";

    public override string StatusDelayed(string topic) =>
        $"⏳ «{Short(topic)}»\nThe AI service is not answering right now, so this takes longer than usual. I'll carry on by myself as soon as it's back — no need to send the topic again.";

    public override string StatusRendering(string topic, int done, int total) => $"🎨 «{Short(topic)}»\nDrawing slides {done}/{total}…";

    public override string StatusSending(string topic) => $"📤 «{Short(topic)}»\nSending…";

    public override string StatusDone(string title) => $"✅ Done: «{Short(title)}»";

    public override string StatusFailed(string? error) =>
        $"😕 I couldn't make this carousel{(string.IsNullOrWhiteSpace(error) ? "." : ": " + Short(error, 300))}\nTry again, or change the topic.";

    public override string StatusCancelled => "⏹ Cancelled.";

    public override string Cancelling => "⏹ Stopping the carousel…";

    public override string NothingToCancel => "Nothing to cancel. Send a topic to make a carousel.";

    public override string InputCancelled => "OK, nothing changed.";

    public override string ResultReady(string title) => $"Here is «{Short(title)}». What next?";

    public override string Settings(UserSettings settings) =>
        $"""
        ⚙️ Settings

        Slides: {settings.SlideCount}
        Theme: {settings.Theme}
        Size: {SizeName(settings.Size)}
        Carousel language: {LanguageName(settings.Language)}
        Footer: {settings.FooterHandle ?? "—"}

        Tap a button to change.
        """;

    public override string PickSlideCount => "How many slides (cover and call to action included)?";

    public override string PickTheme => "Pick a theme:";

    public override string PickSize => "Pick a size:";

    public override string PickLanguage => "Which language should carousels be written in?";

    public override string AskFooter => "Send the handle to show in the footer of every slide, e.g. @myblog (up to 40 characters). Send - to remove it, or /cancel to keep it.";

    public override string FooterSaved(string handle) => $"✅ Footer set to {handle}.";

    public override string FooterRemoved => "✅ Footer removed.";

    public override string FooterInvalid => "The handle must be 1–40 characters on one line. Try again, or /cancel.";

    public override string Saved => "✅ Saved";

    public override string HistoryEmpty => "No carousels yet. Send a topic to make the first one!";

    public override string HistoryHeader => "🗂 Your last carousels:";

    public override string HistoryLine(int number, HistoryEntry entry) =>
        $"{number}. {StatusIcon(entry.Status)} {Short(entry.Title ?? entry.Topic, 70)} · {entry.CreatedAt.ToString("d MMM HH:mm", Culture)}";

    public override string HistoryRemoved => "🗑 Removed from history";

    public override string PickThemeFor(string title) => $"Pick a theme for «{Short(title)}»:";

    public override string Starting => "Starting…";

    public override string NotFound => "That carousel is no longer available.";

    public override string NotReady => "That carousel is not ready yet.";

    public override string NotYours => "That button belongs to someone else's carousel.";

    public override string Preparing => "Preparing…";

    public override string FileNotSent => "📡 Telegram could not take the file just now. Please press the button again in a few minutes.";

    public override string UnknownCommand(string command) => $"I don't know {Short(command, 40)}. Try /help, or just send a topic.";

    public override string AdminOnly => "This command is for administrators.";

    public override string Sticker(string? emoji) =>
        $"Nice sticker{(string.IsNullOrEmpty(emoji) ? "" : " " + emoji)}! I work with text, though: send me a topic and I'll make a carousel.";

    public override string Photo => "I can't turn photos into carousels yet. Send the topic as text, e.g. «7 tips for better sleep».";

    public override string Unsupported => "I understand text messages. Send a topic, or /help.";

    public override string SomethingWentWrong => "😕 Something went wrong on my side. Please try again in a minute.";

    public override string Stats(BotStatisticsSnapshot bot, long completed, long failed, long inFlight) =>
        $"""
        📊 Since start
        Updates: {bot.Updates} (messages {bot.Messages}, buttons {bot.Callbacks}, other {bot.Other}, duplicates {bot.Duplicates})
        Commands: {bot.Commands}
        Carousels started: {bot.CarouselsStarted}
        Quota rejections: {bot.QuotaRejections}
        Jobs: {completed} completed, {failed} failed, {inFlight} in flight
        """;

    public override string SizeName(SlideSize size) => size == SlideSize.Square ? "square 1080×1080" : "portrait 1080×1350";

    public override string LanguageName(string language) => language switch
    {
        "ru" => "Russian",
        "en" => "English",
        _ => "auto (follows the topic)",
    };

    public override string ButtonSlides(int count) => $"🔢 Slides: {count}";

    public override string ButtonTheme(string theme) => $"🎨 Theme: {theme}";

    public override string ButtonSize(SlideSize size) => size == SlideSize.Square ? "📐 Square" : "📐 Portrait";

    public override string ButtonLanguage(string language) => language switch
    {
        "ru" => "🌐 Русский",
        "en" => "🌐 English",
        _ => "🌐 Auto",
    };

    public override string ButtonFooter => "✍️ Footer handle";

    public override string ButtonRemoveFooter => "Remove footer";

    public override string ButtonBack => "« Back";

    public override string ButtonRegenerate => "🔁 Regenerate";

    public override string ButtonAnotherTheme => "🎨 Another theme";

    public override string ButtonZip => "📦 ZIP";

    public override string ButtonPdf => "📄 PDF";

    public override string ButtonSettings => "⚙️ Settings";

    public override BrandTexts Brand { get; } = new EnglishBrandTexts();

    public override IReadOnlyList<(string Command, string Description)> Commands { get; } =
    [
        ("start", "Welcome and an example"),
        ("carousel", "Make a carousel: /carousel <topic>"),
        ("settings", "Slides, theme, size, language, footer"),
        ("brand", "Your brand: colours, fonts, logo, name"),
        ("history", "Your last carousels"),
        ("web", "Edit a carousel in your browser"),
        ("cancel", "Stop the current carousel"),
        ("help", "How it works"),
    ];
}

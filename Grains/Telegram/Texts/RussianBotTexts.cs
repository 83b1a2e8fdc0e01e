using System.Globalization;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The bot's Russian texts.</summary>
internal sealed class RussianBotTexts : BotTexts
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ru-RU");

    public override string Language => "ru";

    public override string Welcome(string? firstName, int defaultSlides) =>
        $"""
        👋 Привет{(string.IsNullOrWhiteSpace(firstName) ? "" : ", " + Short(firstName, 40))}! Я превращаю тему в карусель для Instagram: {defaultSlides} слайдов 1080×1350 с подписью и хэштегами.

        Просто пришлите тему, например:
        «5 привычек продуктивных разработчиков»

        Или используйте /carousel <тема>. Слайды, тему оформления, размер и язык можно выбрать ниже (и в /settings). Все команды — в /help.
        """;

    public override string Help(int quotaPerHour) =>
        $"""
        Как это работает:
        1. Пришлите тему (3–500 символов) или /carousel <тема>.
        2. Я напишу текст слайдов, нарисую их и пришлю альбомом с подписью и хэштегами.
        3. Под результатом: перегенерировать, другое оформление, ZIP или PDF.

        Команды:
        /carousel <тема> — сделать карусель
        /settings — слайды, оформление, размер, язык, подпись в футере
        /brand — ваш бренд: цвета, шрифты, логотип, имя
        /history — ваши последние карусели
        /cancel — остановить текущую карусель
        /help — это сообщение

        Лимит: {quotaPerHour} каруселей в час.
        """;

    public override string AskTopic => "О чём будет карусель? Пришлите тему сообщением, например: «Как выучить SQL за месяц».";

    public override string TopicEmpty => "Пришлите тему: несколько слов о том, о чём должна быть карусель.";

    public override string TopicTooShort(int minLength) => $"Тема слишком короткая: нужно хотя бы {minLength} символа.";

    public override string TopicTooLong(int maxLength) => $"Тема слишком длинная: уложитесь, пожалуйста, в {maxLength} символов.";

    public override string Busy => "⏳ Карусель уже готовится. Дождитесь её или остановите командой /cancel.";

    public override string QuotaReached(int perHour, TimeSpan wait, DateTimeOffset nextAt) =>
        $"🙌 За последний час вы сделали {perHour} каруселей — это лимит. Следующую можно будет сделать через {Minutes(wait)} мин (в {nextAt.ToString("HH:mm", Culture)} UTC).";

    public override string UserBlocked => "Извините, создание каруселей для вашего аккаунта недоступно.";

    public override string Overloaded => "🚦 Сейчас готовится слишком много каруселей. Пришлите тему ещё раз через минуту.";

    public override string StartFailed => "😕 Не получилось запустить карусель. Попробуйте ещё раз через минуту.";

    public override string StatusAccepted(string topic) => $"⏳ «{Short(topic)}»\nПринято, начинаю…";

    public override string StatusWriting(string topic) => $"✍️ «{Short(topic)}»\nПишу текст слайдов…";

    public override string StatusDelayed(string topic) =>
        $"⏳ «{Short(topic)}»\nСервис ИИ сейчас не отвечает, поэтому придётся подождать чуть дольше обычного. Я продолжу сам, как только он заработает, — присылать тему заново не нужно.";

    public override string StatusRendering(string topic, int done, int total) => $"🎨 «{Short(topic)}»\nРисую слайды {done}/{total}…";

    public override string StatusSending(string topic) => $"📤 «{Short(topic)}»\nОтправляю…";

    public override string StatusDone(string title) => $"✅ Готово: «{Short(title)}»";

    public override string StatusFailed(string? error) =>
        $"😕 Не получилось сделать карусель{(string.IsNullOrWhiteSpace(error) ? "." : ": " + Short(error, 300))}\nПопробуйте ещё раз или измените тему.";

    public override string StatusCancelled => "⏹ Отменено.";

    public override string Cancelling => "⏹ Останавливаю карусель…";

    public override string NothingToCancel => "Отменять нечего. Пришлите тему, чтобы сделать карусель.";

    public override string InputCancelled => "Хорошо, ничего не меняю.";

    public override string ResultReady(string title) => $"Готово: «{Short(title)}». Что дальше?";

    public override string Settings(UserSettings settings) =>
        $"""
        ⚙️ Настройки

        Слайдов: {settings.SlideCount}
        Оформление: {settings.Theme}
        Размер: {SizeName(settings.Size)}
        Язык каруселей: {LanguageName(settings.Language)}
        Подпись в футере: {settings.FooterHandle ?? "—"}

        Нажмите кнопку, чтобы изменить.
        """;

    public override string PickSlideCount => "Сколько слайдов (вместе с обложкой и призывом к действию)?";

    public override string PickTheme => "Выберите оформление:";

    public override string PickSize => "Выберите размер:";

    public override string PickLanguage => "На каком языке писать карусели?";

    public override string AskFooter => "Пришлите подпись для футера каждого слайда, например @myblog (до 40 символов). Пришлите - чтобы убрать её, или /cancel, чтобы оставить как есть.";

    public override string FooterSaved(string handle) => $"✅ Подпись в футере: {handle}.";

    public override string FooterRemoved => "✅ Подпись в футере убрана.";

    public override string FooterInvalid => "Подпись должна быть от 1 до 40 символов в одну строку. Попробуйте ещё раз или /cancel.";

    public override string Saved => "✅ Сохранено";

    public override string HistoryEmpty => "Каруселей пока нет. Пришлите тему, чтобы сделать первую!";

    public override string HistoryHeader => "🗂 Ваши последние карусели:";

    public override string HistoryLine(int number, HistoryEntry entry) =>
        $"{number}. {StatusIcon(entry.Status)} {Short(entry.Title ?? entry.Topic, 70)} · {entry.CreatedAt.ToString("d MMM HH:mm", Culture)}";

    public override string HistoryRemoved => "🗑 Удалено из истории";

    public override string PickThemeFor(string title) => $"Выберите оформление для «{Short(title)}»:";

    public override string Starting => "Запускаю…";

    public override string NotFound => "Эта карусель больше недоступна.";

    public override string NotReady => "Эта карусель ещё не готова.";

    public override string NotYours => "Эта кнопка относится к чужой карусели.";

    public override string Preparing => "Готовлю…";

    public override string FileNotSent => "📡 Telegram сейчас не принял файл. Нажмите кнопку ещё раз через несколько минут.";

    public override string UnknownCommand(string command) => $"Я не знаю команду {Short(command, 40)}. Загляните в /help или просто пришлите тему.";

    public override string AdminOnly => "Эта команда только для администраторов.";

    public override string Sticker(string? emoji) =>
        $"Классный стикер{(string.IsNullOrEmpty(emoji) ? "" : " " + emoji)}! Но я работаю с текстом: пришлите тему, и я сделаю карусель.";

    public override string Photo => "Делать карусели из фотографий я пока не умею. Пришлите тему текстом, например: «7 советов для крепкого сна».";

    public override string Unsupported => "Я понимаю текстовые сообщения. Пришлите тему или загляните в /help.";

    public override string SomethingWentWrong => "😕 У меня что-то пошло не так. Попробуйте ещё раз через минуту.";

    public override string Stats(BotStatisticsSnapshot bot, long completed, long failed, long inFlight) =>
        $"""
        📊 С момента запуска
        Обновлений: {bot.Updates} (сообщений {bot.Messages}, кнопок {bot.Callbacks}, прочих {bot.Other}, повторов {bot.Duplicates})
        Команд: {bot.Commands}
        Запущено каруселей: {bot.CarouselsStarted}
        Отказов по лимиту: {bot.QuotaRejections}
        Задачи: готово {completed}, ошибок {failed}, в работе {inFlight}
        """;

    public override string SizeName(SlideSize size) => size == SlideSize.Square ? "квадрат 1080×1080" : "портрет 1080×1350";

    public override string LanguageName(string language) => language switch
    {
        "ru" => "русский",
        "en" => "английский",
        _ => "авто (по теме)",
    };

    public override string ButtonSlides(int count) => $"🔢 Слайдов: {count}";

    public override string ButtonTheme(string theme) => $"🎨 Оформление: {theme}";

    public override string ButtonSize(SlideSize size) => size == SlideSize.Square ? "📐 Квадрат" : "📐 Портрет";

    public override string ButtonLanguage(string language) => language switch
    {
        "ru" => "🌐 Русский",
        "en" => "🌐 English",
        _ => "🌐 Авто",
    };

    public override string ButtonFooter => "✍️ Подпись в футере";

    public override string ButtonRemoveFooter => "Убрать подпись";

    public override string ButtonBack => "« Назад";

    public override string ButtonRegenerate => "🔁 Ещё раз";

    public override string ButtonAnotherTheme => "🎨 Другое оформление";

    public override string ButtonZip => "📦 ZIP";

    public override string ButtonPdf => "📄 PDF";

    public override string ButtonSettings => "⚙️ Настройки";

    public override BrandTexts Brand { get; } = new RussianBrandTexts();

    public override IReadOnlyList<(string Command, string Description)> Commands { get; } =
    [
        ("start", "Приветствие и пример"),
        ("carousel", "Сделать карусель: /carousel <тема>"),
        ("settings", "Слайды, оформление, размер, язык, футер"),
        ("brand", "Ваш бренд: цвета, шрифты, логотип, имя"),
        ("history", "Последние карусели"),
        ("web", "Редактировать карусель в браузере"),
        ("cancel", "Остановить текущую карусель"),
        ("help", "Как это работает"),
    ];
}

using System.Globalization;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>/web in Russian.</summary>
internal sealed class RussianWebLinkTexts : WebLinkTexts
{
    public override string Link(string title, Uri url, int hours, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"""
        ✏️ Редактируйте «{title}» в браузере: нажмите на текст слайда, чтобы изменить его, перетаскивайте слайды, чтобы поменять порядок, и скачайте новый ZIP или PDF.

        {url}

        Ссылка действует {hours} ч. (до {expiresAt:dd.MM.yyyy HH:mm} UTC). Любой, у кого она есть, может менять эту карусель, поэтому не пересылайте её. Отправьте /web ещё раз, чтобы получить новую.
        """);

    public override string NoCarousel => "Готовых каруселей для редактирования пока нет. Пришлите тему, чтобы сделать первую!";

    public override string NoSuchNumber(int count) =>
        count == 0 ? NoCarousel : string.Create(CultureInfo.InvariantCulture, $"Выберите номер из /history, 1–{count}: например, /web 1 — самая новая.");

    public override string NotFinished => "Эта карусель ещё не готова; редактировать её можно, когда она будет готова.";
}

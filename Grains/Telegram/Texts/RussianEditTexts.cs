using System.Globalization;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>Slide editing in Russian.</summary>
internal sealed class RussianEditTexts : EditTexts
{
    public override string ButtonEdit => "✏️ Править слайды";

    public override string ChooseSlide(string title, int slides, string? note) =>
        Note(note) + $"✏️ Правка «{title}» (слайдов: {slides}). Какой слайд изменить? Альбом выше меняется на месте.";

    public override string Slide(int number, int count, string heading, string body, string? note) =>
        Note(note) + $"Слайд {number} из {count}\n\n{heading}\n\n{body}";

    public override string ButtonNewText => "✏️ Новый текст";

    public override string ButtonRewrite => "✨ Переписать";

    public override string ButtonMoveLeft => "⬅️ Левее";

    public override string ButtonMoveRight => "Правее ➡️";

    public override string ButtonRemove => "🗑 Удалить";

    public override string ButtonUndo(int depth) => depth > 0 ? string.Create(CultureInfo.InvariantCulture, $"↩️ Отменить ({depth})") : "↩️ Отменить";

    public override string ButtonSlides => "🔢 Слайды";

    public override string ButtonDone => "✅ Готово";

    public override string AskText(int number, string heading, string body, int maxHeading, int maxBody) =>
        $"""
        Пришлите новый текст слайда {number}: первая строка станет заголовком (до {maxHeading} символов), следующие — текстом под ним (до {maxBody}).
        Одна строка меняет только заголовок; первая строка «-» оставляет его прежним. /cancel — оставить как есть.

        Сейчас:
        {heading}
        {body}
        """;

    public override string Closed(int revision) =>
        revision == 0 ? "Правка закрыта. Ничего не изменено." : "✅ Правка закрыта. Альбом выше показывает карусель такой, какая она сейчас; в ZIP и PDF тоже новые слайды.";

    public override string Saved(int number) => $"✅ Слайд {number} обновлён.";

    public override string Rewritten(int number) => $"✨ Слайд {number} переписан.";

    public override string Removed(int number) => $"🗑 Слайд {number} удалён.";

    public override string Moved(int from, int to) => $"↔️ Слайд {from} теперь на месте {to}.";

    public override string Undone => "↩️ Последняя правка отменена.";

    public override string Rewriting(int number) => $"✨ Переписываю слайд {number}…";


    public override string NotEditable => "Править можно только готовую карусель. Дождитесь, пока она будет готова.";

    public override string Conflict => "Карусель тем временем изменили в другом месте. Вот она сейчас; повторите правку, пожалуйста.";

    public override string NothingToUndo => "Отменять нечего.";

    public override string NoSuchSlide => "Такого слайда больше нет.";

    public override string TextEmpty => "Текст пустой. Пришлите заголовок первой строкой и текст под ним.";

    public override string HeadingTooLong(int length, int max) => $"В заголовке {length} символов, а на слайд помещается {max}. Пришлите покороче.";

    public override string BodyTooLong(int length, int max) => $"В тексте {length} символов, а на слайд помещается {max}. Пришлите покороче.";

    public override string Unchanged => "На слайде уже этот текст.";

    public override string NotPossible => "Так изменить нельзя: обложка остаётся первой, последний слайд — последним, а в карусели не меньше 3 слайдов.";

    public override string RewriteFailed => "Сейчас не получилось переписать слайд. Попробуйте через минуту.";

    private static string Note(string? note) => note is null ? "" : note + "\n\n";
}

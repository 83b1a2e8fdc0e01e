namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The Russian photo texts.</summary>
internal sealed class RussianPhotoTexts : PhotoTexts
{
    private static readonly string[][] Cells =
    [
        ["вверху слева", "вверху", "вверху справа"],
        ["слева", "в центре", "справа"],
        ["внизу слева", "внизу", "внизу справа"],
    ];

    public override string Saved(int column, int row, bool allSlides) => $"""
        📷 Фото сохранено: оно станет фоном следующей карусели, чуть затемнённым, чтобы текст читался.

        В кадре: {CellName(column, row)}
        Где: {(allSlides ? "на всех слайдах" : "на обложке")}

        Стрелками выберите главную часть фото, затем пришлите тему.
        """;

    public override string UsedWithCaption => "📷 Ваше фото станет фоном обложки (по центру). В следующий раз пришлите фото без подписи, чтобы выбрать, какую часть оставить в кадре.";

    public override string CellName(int column, int row) => Cells[row][column];

    public override string ButtonAllSlides(bool on) => (on ? "✅" : "▫️") + " На всех слайдах";

    public override string ButtonRemove => "🗑 Убрать фото";

    public override string Removed => "Фото убрано: у следующей карусели будет обычный фон.";

    public override string NoLongerPending => "Это фото уже использовано. Пришлите новое.";

    public override string Updated => "✅ Сохранено";

    public override string CouldNotDownload => "Не получилось скачать эту картинку из Telegram. Пришлите её ещё раз.";

    public override string NotAnImage => "Не получилось открыть это как картинку. Пришлите фото или файл PNG или JPEG.";

    public override string Svg => "SVG для фона я не поддерживаю. Сохраните картинку в PNG или JPEG и пришлите её.";

    public override string TooBig(int maxMegabytes) => $"Файл больше {maxMegabytes} МБ — такой я скачать не могу. Пришлите картинку поменьше.";

    public override string TooManyPixels(int width, int height, int maxSide) =>
        $"Картинка {width}×{height} пикселей — слишком большая для фона. Пришлите не больше {maxSide}×{maxSide}.";
}

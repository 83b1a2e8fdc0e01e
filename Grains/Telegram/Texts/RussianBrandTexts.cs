using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Grains.Telegram.Texts;

/// <summary>The /brand flow in Russian.</summary>
internal sealed class RussianBrandTexts : BrandTexts
{
    public override string Menu(BrandKit kit) =>
        $"""
        🎨 Ваш фирменный стиль — применяется к каждой новой карусели.

        Имя: {Or(kit.DisplayName, "—")}{Hidden(kit.ShowName && kit.DisplayName is not null)}
        Ник: {Or(kit.Handle, "из /settings")}{Hidden(kit.ShowHandle)}
        Логотип: {(kit.LogoHash is null ? "нет" : "есть")}{Hidden(kit.ShowLogo && kit.LogoHash is not null)}
        Цвет текста: {Or(kit.PrimaryColor, "как в оформлении")}
        Акцент: {Or(kit.AccentColor, "как в оформлении")}
        Фон: {Or(kit.BackgroundColor, "как в оформлении")}
        Заголовки: {FontName(kit.HeadingFont)}
        Основной текст: {FontName(kit.BodyFont)}
        Номера страниц: {(kit.ShowPageNumbers ? "показываются" : "скрыты")}

        Если цвета плохо читаются вместе, я поправлю это сам: текст станет чёрным или белым.
        """;

    public override string ButtonPrimary => "🖋 Цвет текста";

    public override string ButtonAccent => "✨ Акцент";

    public override string ButtonBackground => "🖼 Фон";

    public override string ButtonHeadingFont => "🔠 Шрифт заголовков";

    public override string ButtonBodyFont => "🔡 Шрифт текста";

    public override string ButtonName => "👤 Имя";

    public override string ButtonHandle => "@ Ник";

    public override string ButtonLogo => "🏷 Логотип";

    public override string ButtonRemoveLogo => "🗑 Убрать логотип";

    public override string ButtonThemeDefault => "↩️ Как в оформлении";

    public override string Toggle(char which, bool on) => (on ? "✅ " : "▫️ ") + which switch
    {
        'n' => "имя",
        'h' => "ник",
        'l' => "логотип",
        _ => "номера",
    };

    public override string AskColour(char slot) =>
        $"Выберите {SlotName(slot)} или пришлите свой в формате #RRGGBB, например #1A2B3C.";

    public override string ColourInvalid => "Такой цвет я не понимаю: пришлите его как #RRGGBB (шесть шестнадцатеричных цифр), например #FF5A36. Или /cancel.";

    public override string PickFont(char slot) => slot == 'h' ? "Выберите шрифт для заголовков:" : "Выберите шрифт для основного текста:";

    public override string AskName => "Пришлите имя, которое будет на слайдах (до 40 символов). Пришлите - чтобы убрать его, или /cancel.";

    public override string AskHandle => "Пришлите ник для слайдов, например @myblog (до 40 символов). Пришлите - чтобы убрать его, или /cancel.";

    public override string TextInvalid => "Нужно от 1 до 40 символов в одну строку. Попробуйте ещё раз или /cancel.";

    public override string AskLogo => "Пришлите логотип: фотографией или файлом, если важно сохранить его без сжатия (PNG или JPEG, до 20 МБ). /cancel — оставить текущий.";

    public override string LogoExpected => "Жду логотип: пришлите фото или файл с картинкой. Или /cancel.";

    public override string LogoSaved => "✅ Логотип сохранён.";

    public override string LogoNotAnImage => "Не получилось открыть это как картинку. Пришлите PNG или JPEG, или /cancel.";

    public override string LogoSvg => "SVG я пока не поддерживаю. Сохраните логотип в PNG и пришлите его, или /cancel.";

    public override string LogoTooBig(int maxMegabytes) => $"Файл больше {maxMegabytes} МБ — такой я скачать не могу. Пришлите картинку поменьше или /cancel.";

    public override string LogoTooManyPixels(int width, int height, int maxSide) =>
        $"Картинка {width}×{height} пикселей — слишком большая для логотипа. Пришлите не больше {maxSide}×{maxSide} или /cancel.";

    public override string Saved => "✅ Сохранено";

    public override string PreviewCaption => "Так будут выглядеть ваши слайды.";

    public override string PreviewHeading => "Ваш стиль на каждом слайде";

    public override string PreviewBody => "Цвета, шрифты, логотип и имя — в каждой новой карусели.";

    private static string Hidden(bool shown) => shown ? "" : " (скрыто)";

    private static string SlotName(char slot) => slot switch
    {
        'p' => "цвет текста",
        'a' => "цвет акцента",
        _ => "цвет фона",
    };

    private static string FontName(string? id) => BrandFonts.TryGet(id, out var font) ? font.DisplayName : "как в оформлении";
}

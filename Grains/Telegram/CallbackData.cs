using System.Text;
using VibeCoder.Grains.Telegram.Limits;

namespace VibeCoder.Grains.Telegram;

/// <summary>
/// The callback_data of the bot's inline buttons: short ASCII verbs and arguments separated by ':' so every value
/// stays within Telegram's 64 bytes (a job id is 32 characters; the longest datum is 40 bytes).
/// </summary>
/// <remarks>
/// Verbs: <c>s:…</c> settings (<c>s:m</c> main, <c>s:n[:count]</c>, <c>s:t[:theme]</c>, <c>s:z[:p|s]</c>,
/// <c>s:l[:ru|en|auto]</c>, <c>s:f[:-]</c>); <c>j:…:{job}</c> result buttons (<c>r</c> regenerate, <c>t</c> theme
/// picker, <c>tp:{theme}</c> regenerate in that theme, <c>z</c> ZIP, <c>p</c> PDF); <c>h:…:{job}</c> history
/// (<c>s</c> send again, <c>r</c> regenerate, <c>d</c> delete); <c>b:…</c> the brand kit (<c>b:m</c> menu,
/// <c>b:c:{p|a|g}[:rrggbb|-]</c> primary, accent or background colour, <c>b:f:{h|b}[:{font}|-]</c> heading or body
/// font, <c>b:t:{n|h|l|p}</c> toggle name, handle, logo or page numbers, <c>b:n</c> name, <c>b:h</c> handle,
/// <c>b:l[:-]</c> logo); <c>j:e:{job}</c> opens the slide editor, whose buttons are <c>e:…</c> (<c>e:o:{job}</c> the
/// list of slides, <c>e:{verb}:{slide}:{revision}:{job}</c> with verb <c>s</c> show, <c>t</c> new text, <c>w</c>
/// rewrite, <c>x</c> remove, <c>l</c>/<c>r</c> move left/right; <c>e:u:{revision}:{job}</c> undo, <c>e:d:{job}</c>
/// done). The revision is the one the keyboard was drawn for, so a press on a stale keyboard is a conflict, not an
/// edit of whatever slide sits at that position now.
/// </remarks>
internal static class CallbackData
{
    public const string SettingsMain = "s:m";
    public const string SettingsSlides = "s:n";
    public const string SettingsTheme = "s:t";
    public const string SettingsSize = "s:z";
    public const string SettingsLanguage = "s:l";
    public const string SettingsFooter = "s:f";

    public const string BrandMenu = "b:m";
    public const string BrandName = "b:n";
    public const string BrandHandle = "b:h";
    public const string BrandLogo = "b:l";
    public const string BrandRemoveLogo = "b:l:-";

    /// <summary>Opens the picker of colour <paramref name="slot"/> (p primary, a accent, g background).</summary>
    public static string BrandColour(char slot) => Checked($"b:c:{slot}");

    /// <summary>Sets colour <paramref name="slot"/> to "#<paramref name="hex"/>", or back to the theme's with "-".</summary>
    public static string SetBrandColour(char slot, string hex) => Checked($"b:c:{slot}:{hex.TrimStart('#')}");

    /// <summary>Opens the font picker of <paramref name="slot"/> (h heading, b body).</summary>
    public static string BrandFont(char slot) => Checked($"b:f:{slot}");

    /// <summary>Sets font <paramref name="slot"/> to a curated font id, or the theme's with "-".</summary>
    public static string SetBrandFont(char slot, string font) => Checked($"b:f:{slot}:{font}");

    /// <summary>Flips switch <paramref name="which"/> (n name, h handle, l logo, p page numbers).</summary>
    public static string BrandToggle(char which) => Checked($"b:t:{which}");

    public static string SetSlides(int count) => Checked($"s:n:{count}");

    public static string SetTheme(string theme) => Checked($"s:t:{theme}");

    public static string SetSize(bool square) => square ? "s:z:s" : "s:z:p";

    public static string SetLanguage(string language) => Checked($"s:l:{language}");

    public static string RemoveFooter => "s:f:-";

    public static string Regenerate(string jobId) => Checked($"j:r:{jobId}");

    public static string ThemePicker(string jobId) => Checked($"j:t:{jobId}");

    public static string RegenerateInTheme(string jobId, string theme) => Checked($"j:tp:{theme}:{jobId}");

    public static string Zip(string jobId) => Checked($"j:z:{jobId}");

    public static string Pdf(string jobId) => Checked($"j:p:{jobId}");

    /// <summary>The result button that opens the slide editor.</summary>
    public static string EditSlides(string jobId) => Checked($"j:e:{jobId}");

    /// <summary>The editor's list of slides.</summary>
    public static string EditChoose(string jobId) => Checked($"e:o:{jobId}");

    /// <summary>An editor action <paramref name="verb"/> on slide <paramref name="slide"/> of revision <paramref name="revision"/>.</summary>
    public static string EditSlide(char verb, int slide, int revision, string jobId) =>
        Checked(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e:{verb}:{slide}:{revision}:{jobId}"));

    /// <summary>Undo the last edit, pressed on a keyboard of revision <paramref name="revision"/>.</summary>
    public static string EditUndo(int revision, string jobId) =>
        Checked(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e:u:{revision}:{jobId}"));

    /// <summary>Close the editor.</summary>
    public static string EditDone(string jobId) => Checked($"e:d:{jobId}");

    public static string SendAgain(string jobId) => Checked($"h:s:{jobId}");

    public static string HistoryRegenerate(string jobId) => Checked($"h:r:{jobId}");

    public static string HistoryDelete(string jobId) => Checked($"h:d:{jobId}");

    /// <summary>Splits a datum into its parts; unknown or foreign data gives an empty array.</summary>
    public static string[] Parse(string? data) =>
        string.IsNullOrEmpty(data) || data.Length > TelegramLimits.MaxCallbackDataBytes ? [] : data.Split(':');

    // A guard against a future verb or theme name growing past the limit: better to fail in tests than at Telegram.
    private static string Checked(string data)
    {
        if (Encoding.UTF8.GetByteCount(data) > TelegramLimits.MaxCallbackDataBytes)
        {
            throw new ArgumentException($"callback_data '{data}' is longer than {TelegramLimits.MaxCallbackDataBytes} bytes.");
        }

        return data;
    }
}

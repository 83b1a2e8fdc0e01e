using System.Text;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Tests.Support;

/// <summary>Slide texts for the golden checks: ordinary, extreme and hostile.</summary>
internal static class SlideSamples
{
    public static readonly SlideKind[] Kinds = Enum.GetValues<SlideKind>();

    /// <summary>A typical text for each kind, in English.</summary>
    public static SlideContent Typical(SlideKind kind) => kind switch
    {
        SlideKind.Cover => new(kind, "7 habits that will change your productivity", "Simple steps that work from tomorrow morning"),
        SlideKind.List => new(kind, "Do this today", "Drink a glass of water\nWrite down three main tasks\n20 minutes without notifications\nWalk after lunch"),
        SlideKind.Quote => new(kind, "Peter Drucker", "There is nothing so useless as doing efficiently that which should not be done at all."),
        SlideKind.CallToAction => new(kind, "Save it for later", "Follow for a new idea about focus every day"),
        _ => new(kind, "Start the day without your phone", "The first 30 minutes after waking up set the tone for the whole day. Instead of the news feed: a glass of water, a short workout and a plan for three main tasks."),
    };

    /// <summary>Named (heading, body) texts that stress auto-fit, scripts and sanitising.</summary>
    public static IEnumerable<(string Name, string Heading, string Body)> Texts()
    {
        yield return ("short", "Hi", "Ok");
        yield return ("empty-body", "Only a heading here", string.Empty);
        yield return ("long", Repeat("Productivity is a habit, not a talent. ", 8), Repeat("Every long sentence needs to wrap neatly and shrink before it is cut. ", 30));
        yield return ("one-long-word", new string('W', 300), "Supercalifragilisticexpialidocious" + new string('x', 500));
        yield return ("emoji", "Launch day 🚀🔥✨", "Coffee ☕, focus 🎯, ship 📦 — and celebrate 🎉👏🏽 with the team 👩‍💻👨‍💻");
        yield return ("mixed-script", "Привет, world! 🌍", "Смешиваем кириллицу и Latin в одном тексте 😀 — и ещё немного English words здесь.\nВторая строка 🚀");
        yield return ("cyrillic-long", Repeat("Длинный заголовок для проверки ", 6), Repeat("Съешь же ещё этих мягких французских булок, да выпей чаю. ", 25));
        yield return ("markup", "<b>Bold</b> & <i>italic</i> &amp; </span>", "<span foreground=\"red\">not markup</span> & 1 < 2 > 0 &lt;&gt; <<<>>> &");
        yield return ("control-chars", "Tab\there\u0000null\u0007bell", "Line1\r\nLine2\u001b[31m ansi \u0008\u007f\u0085\u2028next\u200b\u202eoverride\u202c end\n\n\n\n\nlast");
        yield return ("ten-kilobytes", Repeat("Heading ", 1300), Repeat("Body text with several words 12345 ", 300));
        yield return ("ten-kilobytes-no-spaces", new string('A', 10_240), new string('Я', 10_240));
        yield return ("many-newlines", "Lines", Repeat("x\n", 5000));
        yield return ("right-to-left", "مرحبا بالعالم", "שלום עולם — mixed with English and عربي text");
        yield return ("lone-surrogates", "Broken \ud83d pair", "Another \udc00 one \ud800");
        yield return ("whitespace-only", "   ", "\n\n \t ");
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}

namespace VibeCoder.Rendering.Tests.Support;

/// <summary>The hostile inputs the issue names: nothing may overflow or be clipped, whatever the slide kind or size.</summary>
internal static class AdversarialTexts
{
    public static readonly string SixtyCharacterWord = new('Ж', 60);

    public static readonly string TwentyEmoji = "🚀🔥✨🎯📦🎉👏🏽👩‍💻👨‍💻🌍😀☕🍎🇷🇺🇺🇸🙂🤖💡📈🧠";

    public static readonly string TwoThousandCharacters =
        string.Concat(Enumerable.Repeat("Съешь же ещё этих мягких французских булок, да выпей чаю 😀. Lorem ipsum! ", 40))[..2000];

    /// <summary>(name, heading, body).</summary>
    public static IEnumerable<(string Name, string Heading, string Body)> All()
    {
        yield return ("sixty-character-word", SixtyCharacterWord, SixtyCharacterWord + " " + SixtyCharacterWord);
        yield return ("twenty-emoji", TwentyEmoji, TwentyEmoji + " " + TwentyEmoji);
        yield return ("empty-body", "Only a heading, the body is empty", string.Empty);
        yield return ("two-thousand-characters", TwoThousandCharacters, TwoThousandCharacters);
    }
}

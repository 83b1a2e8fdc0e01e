namespace VibeCoder.Rendering.Text;

/// <summary>Code point helpers that tolerate any index into a string.</summary>
internal static class CodePoints
{
    /// <summary>The code point at <paramref name="index"/>, or the lone UTF-16 unit there when it is half a pair.</summary>
    public static int At(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
}

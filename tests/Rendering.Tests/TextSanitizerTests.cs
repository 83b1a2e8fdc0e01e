using VibeCoder.Rendering.Layouts;
using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Tests;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("a\u0000b\u0007c\u001bd\u007fe", "abcde")]
    [InlineData("tab\there", "tab here")]
    [InlineData("one\r\ntwo\rthree", "one\ntwo\nthree")]
    [InlineData("a\n\n\n\n\nb", "a\n\nb")]
    [InlineData("  padded  \n", "padded")]
    [InlineData("<b>&amp;</b>", "<b>&amp;</b>")]
    [InlineData("private\uE000use", "privateuse")]
    [InlineData(null, "")]
    public void Clean_Input_RemovesWhatCannotBeDrawn(string? input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Clean(input));
    }

    [Fact]
    public void Clean_SingleLine_JoinsLines()
    {
        Assert.Equal("one two three", TextSanitizer.Clean("one\ntwo\r\n\nthree", singleLine: true));
    }

    [Fact]
    public void Clean_TooLong_CutsAtAWordAndEndsWithAnEllipsis()
    {
        string cleaned = TextSanitizer.Clean(string.Concat(Enumerable.Repeat("word ", 1000)), maxCharacters: 100);

        Assert.True(cleaned.Length <= 101, $"Length {cleaned.Length}");
        Assert.EndsWith("word…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_CutInsideEmoji_DoesNotLeaveHalfASurrogatePair()
    {
        string cleaned = TextSanitizer.Clean(string.Concat(Enumerable.Repeat("🚀", 100)), maxCharacters: 51);

        // Lone surrogates would become U+FFFD on the way to UTF-8, so a lossless round trip proves there are none.
        Assert.Equal(cleaned, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(cleaned)));
        Assert.EndsWith("🚀…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_VeryLongWordAndEmojiRun_AreKeptAsTheyAre()
    {
        string word = new('A', 100);
        string run = string.Concat(Enumerable.Repeat("👩‍💻👏🏽", 12));

        string cleaned = TextSanitizer.Clean($"ordinary words here {word} and {run}");

        // Line breaking splits long words itself, and only where a line is full: nothing invisible is inserted.
        Assert.Equal($"ordinary words here {word} and {run}", cleaned);
    }

    [Fact]
    public void SplitItems_MarkedLines_StripsMarkersAndKeepsAtMostEight()
    {
        string body = "- one\n• two\n* three\n1. four\n2) five\nsix\n\n7 seven\n8. eight\n9. nine\n10. ten";

        List<string> items = ListLayout.SplitItems(body);

        Assert.Equal(["one", "two", "three", "four", "five", "six", "7 seven", "eight"], items);
    }
}

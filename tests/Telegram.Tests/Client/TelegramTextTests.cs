using VibeCoder.Grains.Telegram.Limits;

namespace VibeCoder.Telegram.Bot.Tests.Client;

public sealed class TelegramTextTests
{
    [Fact]
    public void Split_ShortText_ReturnsItUnchanged()
    {
        Assert.Equal(["Hello, world"], TelegramText.Split("Hello, world"));
    }

    [Fact]
    public void Split_BlankText_ReturnsNothing()
    {
        Assert.Empty(TelegramText.Split(" \n\n "));
    }

    [Fact]
    public void Split_Paragraphs_BreaksBetweenParagraphs()
    {
        var first = new string('a', 30);
        var second = new string('b', 30);

        var chunks = TelegramText.Split($"{first}\n\n{second}", maxLength: 40);

        Assert.Equal([first, second], chunks);
    }

    [Fact]
    public void Split_LinesWithoutParagraphs_BreaksAtTheLastLineThatFits()
    {
        var chunks = TelegramText.Split("line one is here\nline two is here\nline three", maxLength: 36);

        Assert.Equal(["line one is here\nline two is here", "line three"], chunks);
    }

    [Fact]
    public void Split_OneLongLine_BreaksBetweenWords()
    {
        var chunks = TelegramText.Split("alpha beta gamma delta epsilon", maxLength: 12);

        Assert.Equal(["alpha beta", "gamma delta", "epsilon"], chunks);
    }

    [Fact]
    public void Split_WordLongerThanLimit_CutsItHard()
    {
        var chunks = TelegramText.Split(new string('x', 25), maxLength: 10);

        Assert.Equal([new string('x', 10), new string('x', 10), new string('x', 5)], chunks);
    }

    [Fact]
    public void Split_SurrogatePairAtTheCut_KeepsThePairWhole()
    {
        var text = new string('x', 9) + "😀" + "yyy";

        var chunks = TelegramText.Split(text, maxLength: 10);

        Assert.Equal([new string('x', 9), "😀yyy"], chunks);
    }

    [Fact]
    public void Split_LongArticle_EveryChunkFitsAndNothingIsLost()
    {
        var words = Enumerable.Range(0, 3000).Select(i => i % 50 == 0 ? $"word{i}.\n\n" : $"word{i} ");
        var text = string.Concat(words);

        var chunks = TelegramText.Split(text);

        Assert.True(chunks.Count >= 6);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, TelegramLimits.MaxMessageLength));
        Assert.Equal(Normalize(text), Normalize(string.Join(" ", chunks)));
    }

    [Fact]
    public void Truncate_LongCaption_CutsAtAWordWithEllipsis()
    {
        var caption = TelegramText.Truncate("one two three four", maxLength: 12);

        Assert.Equal("one two…", caption);
    }

    [Fact]
    public void Truncate_FittingCaption_ReturnsItUnchanged()
    {
        Assert.Equal("short", TelegramText.Truncate("short"));
    }

    [Fact]
    public void Truncate_DefaultLimit_FitsTheCaptionLimit()
    {
        var caption = TelegramText.Truncate(string.Join(' ', Enumerable.Repeat("hashtag", 400)));

        Assert.InRange(caption.Length, TelegramLimits.MaxCaptionLength - 10, TelegramLimits.MaxCaptionLength);
        Assert.EndsWith("…", caption);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

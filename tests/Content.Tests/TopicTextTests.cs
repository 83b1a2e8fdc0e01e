namespace VibeCoder.Content.Tests;

public sealed class TopicTextTests
{
    [Theory]
    [InlineData("Winter running", "Winter running")]
    [InlineData("  Winter   running  ", "Winter running")]
    [InlineData("Winter\trunning\r\nfor\u00A0beginners", "Winter running for beginners")]
    [InlineData("Win\u0000ter\u0007 run\u001Bning", "Winter running")]
    [InlineData("\u202EWinter\u202C running\u200B\uFEFF", "Winter running")]
    [InlineData("Бег зимой 🏃‍♂️", "Бег зимой 🏃‍♂️")]
    [InlineData("abc", "abc")]
    public void TryNormalize_UsableText_ReturnsCleanTopic(string raw, string expected)
    {
        var ok = TopicText.TryNormalize(raw, out var topic, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, topic);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData(null, "Please send a topic")]
    [InlineData("", "Please send a topic")]
    [InlineData(" \t\r\n ", "Please send a topic")]
    [InlineData("\u0000\u0001\u0002", "Please send a topic")]
    [InlineData("ab", "too short")]
    [InlineData(" a  ", "too short")]
    public void TryNormalize_EmptyOrShort_FailsWithFriendlySentence(string? raw, string expectedFragment)
    {
        var ok = TopicText.TryNormalize(raw, out var topic, out var error);

        Assert.False(ok);
        Assert.Equal(string.Empty, topic);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
        Assert.EndsWith(".", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_FiveHundredCharacters_Accepted()
    {
        var raw = new string('a', 500);

        Assert.True(TopicText.TryNormalize(raw, out var topic, out _));
        Assert.Equal(500, topic.Length);
    }

    [Fact]
    public void TryNormalize_FiveHundredOneCharacters_RejectedSayingTheLimit()
    {
        var ok = TopicText.TryNormalize(new string('a', 501), out _, out var error);

        Assert.False(ok);
        Assert.Contains("too long", error, StringComparison.Ordinal);
        Assert.Contains("501", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_LongOnlyBecauseOfWhitespace_AcceptedAfterCollapsing()
    {
        var raw = "start" + new string(' ', 1000) + "end";

        Assert.True(TopicText.TryNormalize(raw, out var topic, out _));
        Assert.Equal("start end", topic);
    }

    [Fact]
    public void TryNormalize_LoneSurrogates_Removed()
    {
        var raw = "ab\uD800c\uDC00d";

        Assert.True(TopicText.TryNormalize(raw, out var topic, out _));
        Assert.Equal("abcd", topic);
    }
}

using VibeCoder.Content.OpenAi;

namespace VibeCoder.Content.Tests.OpenAi;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3000)]
    [InlineData("1.5", 1500)]
    [InlineData("Sun, 22 Nov 2026 12:00:07 GMT", 7000)]
    [InlineData("Sun, 22 Nov 2026 11:59:00 GMT", 0)]
    public void Parse_SecondsOrHttpDate_ReturnsWait(string value, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryAfter.Parse(value, Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("")]
    public void Parse_Nonsense_ReturnsNull(string value)
    {
        Assert.Null(RetryAfter.Parse(value, Now));
    }

    [Fact]
    public void From_NotAClientResult_ReturnsNullSoBackoffDecides()
    {
        Assert.Null(RetryAfter.From(new TimeoutException(), TimeSpan.FromSeconds(5), Now));
        Assert.Null(RetryAfter.From(null, TimeSpan.FromSeconds(5), Now));
    }
}

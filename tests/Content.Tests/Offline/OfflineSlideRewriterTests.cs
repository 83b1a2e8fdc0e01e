using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Tests.Offline;

public sealed class OfflineSlideRewriterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly OfflineContentGenerator _generator = new();

    [Theory]
    [InlineData("Winter running for beginners", "en", 7, 1)]
    [InlineData("Winter running for beginners", "en", 7, 3)]
    [InlineData("Winter running for beginners", "en", 7, 7)]
    [InlineData("Как высыпаться зимой", "ru", 5, 2)]
    public async Task RewriteAsync_AnySlide_SameKindNewWordsWithinLimits(string topic, string language, int slides, int slide)
    {
        var content = await _generator.GenerateAsync(new ContentRequest(topic, slides, language), CancellationToken.None).WaitAsync(Timeout);

        var rewritten = await _generator.RewriteAsync(new SlideRewriteRequest(topic, content, slide, 1), CancellationToken.None).WaitAsync(Timeout);

        var old = content.Slides[slide - 1];
        Assert.Equal(old.Kind, rewritten.Kind);
        Assert.NotEqual(old.Heading, rewritten.Heading);
        Assert.DoesNotContain(rewritten.Heading, content.Slides.Select(s => s.Heading));
        Assert.InRange(rewritten.Heading.Length, 1, CarouselContentValidator.MaxHeadingLength);
        Assert.InRange(rewritten.Body.Length, 1, CarouselContentValidator.MaxBodyLength);
    }

    [Fact]
    public async Task RewriteAsync_SameRequest_SameWords()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Saving money on groceries", 6, "en"), CancellationToken.None).WaitAsync(Timeout);
        var request = new SlideRewriteRequest("Saving money on groceries", content, 3, 1);

        var first = await _generator.RewriteAsync(request, CancellationToken.None).WaitAsync(Timeout);
        var again = await _generator.RewriteAsync(request, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task RewriteAsync_NoSuchSlide_Throws()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Saving money on groceries", 4, "en"), CancellationToken.None).WaitAsync(Timeout);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _generator.RewriteAsync(new SlideRewriteRequest("Saving money", content, 5, 1), CancellationToken.None));
    }
}

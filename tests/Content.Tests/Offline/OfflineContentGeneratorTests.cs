using VibeCoder.Content.Tests.Support;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Tests.Offline;

public sealed class OfflineContentGeneratorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly OfflineContentGenerator _generator = new();

    public static TheoryData<int, string> CountsAndLanguages => new()
    {
        { 3, "en" }, { 7, "en" }, { 20, "en" },
        { 3, "ru" }, { 7, "ru" }, { 20, "ru" },
    };

    public static TheoryData<string> HostileTopics => new()
    {
        "<script>alert('x')</script> for beginners",
        "'; DROP TABLE users; -- and other SQL",
        "🔥🔥🔥",
        "???",
        "{{ template }} {0} %s $(rm -rf /) ${HOME}",
        "a\u202Eb\u0000c \u200Bhidden\u0007 text",
        "مرحبا بالعالم كيف حالك",
        "#hashtag #another #tags #in #topic #overflow",
        "word " + new string('x', 120) + " end",
        string.Join(' ', Enumerable.Repeat("долгая тема", 40)),
        "line one\nline two\r\nline\tthree",
    };

    [Theory]
    [MemberData(nameof(CountsAndLanguages))]
    public async Task GenerateAsync_AnyCountAndLanguage_ExactCountCoverFirstCallToActionLast(int count, string language)
    {
        var topic = language == "ru" ? "Как начать бегать зимой" : "How to start running in winter";

        var content = await _generator.GenerateAsync(new ContentRequest(topic, count, language), CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, count);
        ContentAssert.SlidesAreDistinct(content);
        Assert.Equal(language, content.Language);
    }

    [Fact]
    public async Task GenerateAsync_SameRequestTwice_SameContent()
    {
        var request = new ContentRequest("Personal finance for students", 9, "auto");

        var first = await new OfflineContentGenerator().GenerateAsync(request, CancellationToken.None).WaitAsync(Timeout);
        var second = await new OfflineContentGenerator().GenerateAsync(request, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(ContentAssert.Serialize(first), ContentAssert.Serialize(second));
    }

    [Fact]
    public async Task GenerateAsync_DifferentTopics_DifferentContent()
    {
        var first = await _generator.GenerateAsync(new ContentRequest("Personal finance for students", 9, "en"), CancellationToken.None).WaitAsync(Timeout);
        var second = await _generator.GenerateAsync(new ContentRequest("Growing tomatoes on a balcony", 9, "en"), CancellationToken.None).WaitAsync(Timeout);

        Assert.NotEqual(first.Title, second.Title);
        Assert.NotEqual(first.Caption, second.Caption);
        Assert.NotEqual(first.Hashtags, second.Hashtags);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task GenerateAsync_SevenSlides_MixesContentListAndQuote(string language)
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Time management", 7, language), CancellationToken.None).WaitAsync(Timeout);

        var kinds = content.Slides.Select(s => s.Kind).ToHashSet();
        Assert.Contains(SlideKind.Content, kinds);
        Assert.Contains(SlideKind.List, kinds);
        Assert.Contains(SlideKind.Quote, kinds);
    }

    [Fact]
    public async Task GenerateAsync_ThreeSlides_MiddleSlideIsContent()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Time management", 3, "en"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal([SlideKind.Cover, SlideKind.Content, SlideKind.CallToAction], content.Slides.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("Как выучить английский за год", "ru")]
    [InlineData("How to learn English in a year", "en")]
    [InlineData("Docker и Kubernetes для начинающих разработчиков", "ru")]
    [InlineData("React hooks: useEffect и useMemo", "en")]
    [InlineData("🔥🔥🔥", "en")]
    public async Task GenerateAsync_AutoLanguage_FollowsTopicScript(string topic, string expected)
    {
        var content = await _generator.GenerateAsync(new ContentRequest(topic, 5, "auto"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(expected, content.Language);
        var cyrillicInCallToAction = content.Slides[^1].Heading.Any(c => c is >= '\u0400' and <= '\u04FF');
        Assert.Equal(expected == "ru", cyrillicInCallToAction);
    }

    [Fact]
    public async Task GenerateAsync_RussianAskedForEnglishTopic_WritesRussian()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Productivity hacks", 5, "RU"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("ru", content.Language);
        Assert.Contains(content.Slides[1].Body, c => c is >= '\u0400' and <= '\u04FF');
    }

    [Fact]
    public async Task GenerateAsync_Topic_HashtagsComeFromTopicWordsThenGenericOnes()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Winter running for beginners", 7, "en"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(5, content.Hashtags.Count);
        Assert.Equal(["#winter", "#running", "#beginners"], content.Hashtags.Take(3));
    }

    [Fact]
    public async Task GenerateAsync_RussianTopic_RussianHashtagsWithoutStopWords()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Как начать бегать зимой", 7, "auto"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(["#бегать", "#зимой"], content.Hashtags.Take(2));
        Assert.DoesNotContain("#как", content.Hashtags);
        Assert.DoesNotContain("#начать", content.Hashtags);
    }

    [Theory]
    [MemberData(nameof(HostileTopics))]
    public async Task GenerateAsync_HostileTopic_StillPostable(string topic)
    {
        foreach (var count in new[] { 3, 11, 20 })
        {
            var content = await _generator.GenerateAsync(new ContentRequest(topic, count, "auto"), CancellationToken.None).WaitAsync(Timeout);

            ContentAssert.IsPostable(content, count);
            ContentAssert.SlidesAreDistinct(content);
            var allText = string.Join('\n', content.Slides.SelectMany(s => new[] { s.Heading, s.Body }).Append(content.Caption));
            Assert.DoesNotContain('\u0000', allText);
            Assert.DoesNotContain('\u202E', allText);
            Assert.DoesNotContain("lorem", allText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task GenerateAsync_LongestTopic_HeadingsAndBodiesWithinLimits()
    {
        var topic = string.Join(' ', Enumerable.Repeat("productivity", 42))[..TopicText.MaxLength];

        var content = await _generator.GenerateAsync(new ContentRequest(topic, 20, "en"), CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 20);
        Assert.EndsWith("…", content.Title);
    }

    [Fact]
    public async Task GenerateAsync_AnyCount_CaptionMentionsTopicAndAsksToSave()
    {
        var content = await _generator.GenerateAsync(new ContentRequest("Morning routines", 6, "en"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Contains("Morning routines", content.Caption, StringComparison.Ordinal);
        Assert.Contains("Save", content.Caption, StringComparison.Ordinal);
        Assert.StartsWith("Morning routines", content.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(21)]
    [InlineData(0)]
    public async Task GenerateAsync_SlideCountOutOfRange_Throws(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _generator.GenerateAsync(new ContentRequest("Morning routines", count, "en"), CancellationToken.None)).WaitAsync(Timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("ab")]
    public async Task GenerateAsync_UnusableTopic_ThrowsArgumentException(string topic)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _generator.GenerateAsync(new ContentRequest(topic, 5, "en"), CancellationToken.None)).WaitAsync(Timeout);

        Assert.Contains("topic", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _generator.GenerateAsync(new ContentRequest("Morning routines", 5, "en"), new CancellationToken(canceled: true))).WaitAsync(Timeout);
    }
}

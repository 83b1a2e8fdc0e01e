using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Tests.Validation;

public sealed class CarouselContentValidatorTests
{
    private static CarouselContent Valid(int count = 4) => new(
        "Title",
        Enumerable.Range(1, count)
            .Select(i => new SlideContent(i == 1 ? SlideKind.Cover : i == count ? SlideKind.CallToAction : SlideKind.Content, $"Heading {i}", $"Body {i}"))
            .ToList(),
        "Caption",
        ["#one", "#two"],
        "en");

    [Fact]
    public void Validate_ValidContent_NoProblems()
    {
        Assert.Empty(CarouselContentValidator.Validate(Valid(), 4));
    }

    [Fact]
    public void Validate_WrongCount_SaysHowManyAreRequired()
    {
        var problems = CarouselContentValidator.Validate(Valid(4), 5);

        Assert.Contains(problems, p => p.Contains("exactly 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OverLongAndEmptyTexts_NamesEachSlide()
    {
        var content = Valid() with
        {
            Slides =
            [
                new SlideContent(SlideKind.Cover, new string('h', 91), "Body"),
                new SlideContent(SlideKind.Content, "Heading", new string('b', 601)),
                new SlideContent(SlideKind.Content, " ", "Body"),
                new SlideContent(SlideKind.CallToAction, "Heading", ""),
            ],
            Caption = new string('c', 2201),
        };

        var problems = CarouselContentValidator.Validate(content, 4);

        Assert.Contains(problems, p => p.Contains("Slide 1's heading has 91", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Slide 2's body has 601", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Slide 3 has an empty heading", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Slide 4 has an empty body", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("caption has 2201", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KindsOutOfPlace_Reported()
    {
        var content = Valid() with
        {
            Slides =
            [
                new SlideContent(SlideKind.Content, "A", "a"),
                new SlideContent(SlideKind.Cover, "B", "b"),
                new SlideContent(SlideKind.Content, "C", "c"),
                new SlideContent(SlideKind.Quote, "D", "d"),
            ],
        };

        var problems = CarouselContentValidator.Validate(content, 4);

        Assert.Contains("Slide 1 must be the cover.", problems);
        Assert.Contains(problems, p => p.StartsWith("Slide 2 must be content", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Slide 4 (the last) must be the call to action", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadHashtags_Reported()
    {
        var content = Valid() with { Hashtags = ["#ok", "nohash", "#two words", "#", "#a", "#b", "#c"] };

        var problems = CarouselContentValidator.Validate(content, 4);

        Assert.Contains(problems, p => p.Contains("7 hashtags", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"nohash\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"#two words\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"#\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Repair_MessyContent_FixesKindsHashtagsAndCaption()
    {
        var caption = string.Join(' ', Enumerable.Repeat("word", 600));
        var content = Valid() with
        {
            Slides =
            [
                new SlideContent(SlideKind.Content, "  A  ", " a "),
                new SlideContent(SlideKind.CallToAction, "B", "b"),
                new SlideContent(SlideKind.List, "C", "c"),
                new SlideContent(SlideKind.Quote, "D", "d"),
            ],
            Caption = caption,
            Hashtags = ["winter running", "#Run!", "##tips", "#run", "", "поехали", "#a", "#b"],
        };

        var repaired = CarouselContentValidator.Repair(content);

        Assert.Empty(CarouselContentValidator.Validate(repaired, 4));
        Assert.Equal([SlideKind.Cover, SlideKind.Content, SlideKind.List, SlideKind.CallToAction], repaired.Slides.Select(s => s.Kind));
        Assert.Equal("A", repaired.Slides[0].Heading);
        Assert.Equal(["#winterrunning", "#Run", "#tips", "#поехали", "#a"], repaired.Hashtags);
        Assert.True(repaired.Caption.Length <= CarouselContentValidator.MaxCaptionLength);
        Assert.EndsWith("word…", repaired.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_OverLongHeading_LeftForRewriting()
    {
        var content = Valid() with { Slides = [new SlideContent(SlideKind.Cover, new string('h', 100), "b"), .. Valid().Slides.Skip(1)] };

        var repaired = CarouselContentValidator.Repair(content);

        Assert.Equal(100, repaired.Slides[0].Heading.Length);
        Assert.NotEmpty(CarouselContentValidator.Validate(repaired, 4));
    }

    [Fact]
    public void TruncateAtWord_EmojiAtTheCut_NotSplit()
    {
        var text = new string('a', 8) + "😀😀😀";

        var cut = CarouselContentValidator.TruncateAtWord(text, 10);

        Assert.True(cut.Length <= 10);
        Assert.False(char.IsHighSurrogate(cut[^2]));
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncateAtWord_ShortText_Unchanged()
    {
        Assert.Equal("short", CarouselContentValidator.TruncateAtWord("short", 10));
    }
}

using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Tests;

public sealed class CarouselOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new CarouselOptionsValidator().Validate(null, new CarouselOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(TimeSpan.FromMinutes(15), new CarouselOptions().JobDeadline);
        Assert.Equal(TimeSpan.FromSeconds(30), new CarouselOptions().OutageRetryMaxDelay);
    }

    [Theory]
    [InlineData("00:00:00", "Carousel:JobDeadline must be positive")]
    [InlineData("2.00:00:00", "Carousel:JobDeadline must be at most")]
    public void Validate_BadJobDeadline_FailsNamingTheSetting(string deadline, string expected)
    {
        var options = new CarouselOptions { JobDeadline = TimeSpan.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new CarouselOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroOutageRetryMaxDelay_FailsNamingTheSetting()
    {
        var result = new CarouselOptionsValidator().Validate(null, new CarouselOptions { OutageRetryMaxDelay = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Carousel:OutageRetryMaxDelay must be positive", result.FailureMessage, StringComparison.Ordinal);
    }
}

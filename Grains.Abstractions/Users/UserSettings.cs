using Orleans;
using Orleans.Concurrency;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Users;

/// <summary>A user's carousel preferences.</summary>
/// <param name="SlideCount">Slides per carousel, 3–20 (default 7).</param>
/// <param name="Theme">A renderer theme name.</param>
/// <param name="Size">Portrait 1080×1350 or square 1080×1080.</param>
/// <param name="Language">"ru", "en" or "auto" (follow the topic).</param>
/// <param name="FooterHandle">A handle shown in every slide's footer, e.g. "@vibecoder".</param>
/// <param name="Brand">Brand colours overriding the theme's.</param>
[GenerateSerializer, Immutable, Alias("vc.UserSettings")]
public sealed record UserSettings(
    int SlideCount = UserSettings.DefaultSlideCount,
    string Theme = UserSettings.DefaultTheme,
    SlideSize Size = SlideSize.Portrait,
    string Language = "auto",
    string? FooterHandle = null,
    BrandColors? Brand = null)
{
    /// <summary>The slide count a new user gets.</summary>
    public const int DefaultSlideCount = 7;

    /// <summary>The fewest slides a carousel can have.</summary>
    public const int MinSlideCount = 3;

    /// <summary>The most slides a carousel can have.</summary>
    public const int MaxSlideCount = 20;

    /// <summary>The theme a new user gets.</summary>
    public const string DefaultTheme = "midnight";
}

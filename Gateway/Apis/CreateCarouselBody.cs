namespace VibeCoder.Gateway.Apis;

/// <summary>The body of <c>POST /api/carousels</c>; everything but the topic is optional.</summary>
/// <param name="Topic">What the carousel is about (3–500 characters).</param>
/// <param name="Slides">Slide count 3–20 (default: the user's setting, else 7).</param>
/// <param name="Theme">A theme name (default: the user's setting, else "midnight").</param>
/// <param name="Language">"ru", "en" or "auto" (default).</param>
/// <param name="UserId">The user to charge and record history for; anonymous when absent.</param>
/// <param name="Size">"portrait" (1080×1350, default) or "square" (1080×1080).</param>
/// <param name="FooterHandle">A handle for the slides' footer.</param>
public sealed record CreateCarouselBody(
    string? Topic,
    int? Slides = null,
    string? Theme = null,
    string? Language = null,
    string? UserId = null,
    string? Size = null,
    string? FooterHandle = null);

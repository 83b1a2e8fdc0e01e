using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>What to write a carousel about.</summary>
/// <param name="Topic">The user's topic, already validated (3–500 characters, no control characters).</param>
/// <param name="SlideCount">How many slides, cover and call to action included (3–20).</param>
/// <param name="Language">"ru", "en" or "auto" (follow the topic's script).</param>
[GenerateSerializer, Immutable, Alias("vc.ContentRequest")]
public sealed record ContentRequest(string Topic, int SlideCount, string Language);

namespace VibeCoder.Grains.Sessions;

/// <summary>The slide a chat is rewording: the text the user sends next replaces its words.</summary>
/// <param name="JobId">The carousel.</param>
/// <param name="Slide">The slide's 1-based position when the user asked.</param>
/// <param name="Revision">
/// The carousel's revision then: an edit made elsewhere in between (which may have moved the slide) makes the typed
/// text a conflict rather than a change to the wrong slide.
/// </param>
public sealed record EditingSlide(string JobId, int Slide, int Revision);

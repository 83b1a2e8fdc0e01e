namespace VibeCoder.Grains.Sessions;

/// <summary>What a session waits for the user to type next.</summary>
public enum SessionAwaiting
{
    /// <summary>Nothing in particular: a text is a topic.</summary>
    None,

    /// <summary>The footer handle for the slides (asked from the settings keyboard).</summary>
    FooterHandle,

    /// <summary>A "#rrggbb" for the brand kit's primary (text) colour (/brand).</summary>
    BrandPrimaryColor,

    /// <summary>A "#rrggbb" for the brand kit's accent colour.</summary>
    BrandAccentColor,

    /// <summary>A "#rrggbb" for the brand kit's background colour.</summary>
    BrandBackgroundColor,

    /// <summary>The brand kit's display name.</summary>
    BrandName,

    /// <summary>The brand kit's handle.</summary>
    BrandHandle,

    /// <summary>A logo: a photo or an image file.</summary>
    BrandLogo,

    /// <summary>The new words of the slide being edited (which one: <c>SessionState.EditingSlide</c>).</summary>
    SlideText,
}

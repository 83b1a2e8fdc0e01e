namespace VibeCoder.Rendering.Images;

/// <summary>Why an upload cannot be a logo (or a background photo: the same checks, <see cref="BackgroundPhotos"/>).</summary>
public enum LogoRefusal
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Not a picture Skia can read (text, a PDF, a broken file).</summary>
    NotAnImage,

    /// <summary>An SVG drawing: vector logos are not supported; a PNG export is.</summary>
    Svg,

    /// <summary>Too many pixels (or no size keeps the PNG under the limit).</summary>
    TooLarge,
}

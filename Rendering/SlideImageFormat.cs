namespace VibeCoder.Rendering;

/// <summary>How slide images are encoded for download.</summary>
public enum SlideImageFormat
{
    /// <summary>Lossless PNG, what the renderer draws and caches (<c>.png</c>).</summary>
    Png,

    /// <summary>Baseline JPEG (<c>.jpg</c>): what Instagram's publishing API accepts.</summary>
    Jpeg,
}

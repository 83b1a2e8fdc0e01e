namespace VibeCoder.Grains.Carousels;

/// <summary>The pixel size of the rendered slides.</summary>
public enum SlideSize
{
    /// <summary>1080×1350, Instagram's portrait format (the default).</summary>
    Portrait,

    /// <summary>1080×1080.</summary>
    Square,

    /// <summary>1080×1920, the stories format.</summary>
    Story,
}

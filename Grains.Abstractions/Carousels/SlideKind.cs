namespace VibeCoder.Grains.Carousels;

/// <summary>The role a slide plays in a carousel; it decides the layout the renderer uses.</summary>
public enum SlideKind
{
    /// <summary>The first slide: the hook.</summary>
    Cover,

    /// <summary>A heading and a paragraph.</summary>
    Content,

    /// <summary>A heading and a short list (one item per line of the body).</summary>
    List,

    /// <summary>A quotation or a key statement.</summary>
    Quote,

    /// <summary>The last slide: what the reader should do next.</summary>
    CallToAction,
}

namespace VibeCoder.Grains.Carousels;

/// <summary>What a <see cref="SlideEdit"/> does to a finished carousel.</summary>
public enum SlideEditKind
{
    /// <summary>New heading and/or body written by the user.</summary>
    Text = 0,

    /// <summary>New heading and body written by the content generator ("rewrite this slide").</summary>
    Rewrite = 1,

    /// <summary>The slide is taken out; the ones after it move up.</summary>
    Remove = 2,

    /// <summary>The slide moves to another position; the ones between shift by one.</summary>
    Move = 3,
}

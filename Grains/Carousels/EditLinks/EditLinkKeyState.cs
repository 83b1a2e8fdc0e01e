namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>The persisted state of <see cref="EditLinkKeyGrain"/>.</summary>
public sealed record EditLinkKeyState
{
    /// <summary>The signing key, or null before the first call.</summary>
    public byte[]? Key { get; init; }
}

namespace VibeCoder.Rendering.Images;

/// <summary>The outcome of <see cref="BackgroundPhotos.Prepare"/>.</summary>
/// <param name="Refusal"><see cref="LogoRefusal.None"/> when the photo is usable.</param>
/// <param name="Jpeg">The downscaled JPEG, empty when refused.</param>
/// <param name="Hash">The JPEG's lower-case SHA-256 hex, empty when refused.</param>
/// <param name="Width">The stored JPEG's width, 0 when refused.</param>
/// <param name="Height">The stored JPEG's height, 0 when refused.</param>
/// <param name="SourceWidth">The upload's width from its header, 0 when unknown.</param>
/// <param name="SourceHeight">The upload's height from its header, 0 when unknown.</param>
public sealed record BackgroundPhoto(LogoRefusal Refusal, byte[] Jpeg, string Hash, int Width, int Height, int SourceWidth, int SourceHeight)
{
    /// <summary>True when the photo may be stored.</summary>
    public bool IsAccepted => Refusal == LogoRefusal.None;

    internal static BackgroundPhoto Refused(LogoRefusal refusal, int width = 0, int height = 0) => new(refusal, [], string.Empty, 0, 0, width, height);
}

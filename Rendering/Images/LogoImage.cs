namespace VibeCoder.Rendering.Images;

/// <summary>The outcome of <see cref="LogoImages.Prepare"/>.</summary>
/// <param name="Refusal"><see cref="LogoRefusal.None"/> when the logo is usable.</param>
/// <param name="Png">The downscaled PNG, empty when refused.</param>
/// <param name="Hash">The PNG's lower-case SHA-256 hex, empty when refused.</param>
/// <param name="SourceWidth">The upload's width from its header, 0 when unknown.</param>
/// <param name="SourceHeight">The upload's height from its header, 0 when unknown.</param>
public sealed record LogoImage(LogoRefusal Refusal, byte[] Png, string Hash, int SourceWidth, int SourceHeight)
{
    /// <summary>True when the logo may be stored.</summary>
    public bool IsAccepted => Refusal == LogoRefusal.None;

    internal static LogoImage Refused(LogoRefusal refusal, int width = 0, int height = 0) => new(refusal, [], string.Empty, width, height);
}

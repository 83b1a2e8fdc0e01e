using System.Security.Cryptography;
using System.Text;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The key of one slide's image within its job: a hash of everything per slide that the drawing depends on (kind,
/// words, position and slide count). A job's design never changes after it starts, so within one job equal keys mean
/// equal pixels.
/// </summary>
public static class SlideImageKey
{
    /// <summary>The key of <paramref name="slide"/> drawn as page <paramref name="number"/> of <paramref name="count"/>: 16 lower-case hex digits.</summary>
    public static string Of(SlideContent slide, int number, int count)
    {
        ArgumentNullException.ThrowIfNull(slide);
        var text = $"{(int)slide.Kind}\u001f{number}\u001f{count}\u001f{slide.Heading}\u001f{slide.Body}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}

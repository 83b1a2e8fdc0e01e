using System.IO.Compression;
using System.Text;

namespace VibeCoder.Rendering;

/// <summary>Packs a rendered carousel for download: slide-01.png (or .jpg), slide-02.png, … and caption.txt.</summary>
public static class CarouselArchive
{
    /// <summary>Creates the ZIP of PNG slides.</summary>
    /// <param name="slidePngs">The slide images in order.</param>
    /// <param name="caption">The post caption.</param>
    /// <param name="hashtags">Hashtags, appended to the caption after a blank line.</param>
    /// <returns>The ZIP file.</returns>
    public static byte[] CreateZip(IReadOnlyList<byte[]> slidePngs, string caption, IReadOnlyList<string> hashtags) =>
        CreateZip(slidePngs, SlideImageFormat.Png, caption, hashtags);

    /// <summary>Creates the ZIP of slides already encoded as <paramref name="format"/>.</summary>
    /// <param name="slideImages">The slide images in order, encoded as <paramref name="format"/>.</param>
    /// <param name="format">The images' format: names the entries <c>slide-NN.png</c> or <c>slide-NN.jpg</c>.</param>
    /// <param name="caption">The post caption.</param>
    /// <param name="hashtags">Hashtags, appended to the caption after a blank line.</param>
    /// <returns>The ZIP file.</returns>
    public static byte[] CreateZip(IReadOnlyList<byte[]> slideImages, SlideImageFormat format, string caption, IReadOnlyList<string> hashtags)
    {
        ArgumentNullException.ThrowIfNull(slideImages);
        ArgumentNullException.ThrowIfNull(hashtags);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Wide enough that slide-10 sorts after slide-09 in every file manager.
            int digits = Math.Max(2, slideImages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            for (int i = 0; i < slideImages.Count; i++)
            {
                ArgumentNullException.ThrowIfNull(slideImages[i], $"{nameof(slideImages)}[{i}]");
                string name = $"slide-{(i + 1).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture)}.{SlideJpeg.ExtensionOf(format)}";

                // PNG and JPEG data are already compressed; storing them saves time and loses nothing.
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using Stream stream = entry.Open();
                stream.Write(slideImages[i]);
            }

            ZipArchiveEntry text = zip.CreateEntry("caption.txt", CompressionLevel.Optimal);
            using Stream captionStream = text.Open();
            captionStream.Write(System.Text.Encoding.UTF8.GetBytes(CaptionText(caption, hashtags)));
        }

        return buffer.ToArray();
    }

    /// <summary>The caption as posted: the text, a blank line, then the hashtags on one line.</summary>
    internal static string CaptionText(string? caption, IReadOnlyList<string> hashtags)
    {
        var builder = new StringBuilder((caption ?? string.Empty).Trim());
        string tags = string.Join(' ', hashtags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim()));
        if (tags.Length > 0)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(tags);
        }

        return builder.Append('\n').ToString();
    }
}

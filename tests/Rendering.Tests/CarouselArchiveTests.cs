using System.IO.Compression;
using System.Text;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Tests;

public sealed class CarouselArchiveTests
{
    [Fact]
    public void CreateZip_Slides_ContainsNumberedPngsAndCaption()
    {
        var renderer = new SkiaSlideRenderer();
        var options = new RenderOptions("mint", SlideSize.Portrait, "@zip", null);
        byte[][] pngs = Enumerable.Range(1, 3)
            .Select(page => renderer.RenderSlide(new SlideContent(SlideKind.Content, $"Slide {page}", "Body"), page, 3, options).Png)
            .ToArray();

        byte[] zip = CarouselArchive.CreateZip(pngs, "Привет, caption ✨", ["#one", "#two"]);

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Assert.Equal(["caption.txt", "slide-01.png", "slide-02.png", "slide-03.png"], archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        for (int i = 0; i < pngs.Length; i++)
        {
            Assert.Equal(pngs[i], ReadAll(archive.GetEntry($"slide-{i + 1:00}.png")!));
        }

        string caption = Encoding.UTF8.GetString(ReadAll(archive.GetEntry("caption.txt")!));
        Assert.Equal("Привет, caption ✨\n\n#one #two\n", caption);
    }

    [Fact]
    public void CreateZip_TwelveSlides_SortsByName()
    {
        byte[][] pngs = Enumerable.Range(0, 12).Select(i => new[] { (byte)i }).ToArray();

        using var archive = new ZipArchive(new MemoryStream(CarouselArchive.CreateZip(pngs, string.Empty, [])), ZipArchiveMode.Read);

        Assert.Contains(archive.Entries, entry => entry.FullName == "slide-12.png");
        Assert.Equal("\n", Encoding.UTF8.GetString(ReadAll(archive.GetEntry("caption.txt")!)));
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

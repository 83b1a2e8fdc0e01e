using Microsoft.Playwright;
using SkiaSharp;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PreviewPageTests(GatewayFixture fixture)
{
    private const float TimeoutMs = 30_000;

    [Fact]
    public async Task PreviewPage_TopicSubmitted_ShowsEverySlideAndDownloadLinks()
    {
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(fixture.BaseAddress.ToString(), new PageGotoOptions { Timeout = TimeoutMs });

        await page.WaitForSelectorAsync("#theme option[value=mint]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = TimeoutMs });
        await page.FillAsync("#topic", "Five habits of calm engineers");
        await page.FillAsync("#slides", "5");
        await page.SelectOptionAsync("#theme", "mint");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync(".badge.completed", new PageWaitForSelectorOptions { Timeout = TimeoutMs });
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.slide img')].length === 5 && [...document.querySelectorAll('.slide img')].every(i => i.complete && i.naturalWidth === 1080)",
            null,
            new PageWaitForFunctionOptions { Timeout = TimeoutMs });

        Assert.Equal(5, await page.Locator(".slide img").CountAsync());
        Assert.Contains("/archive.zip?rev=0", await page.GetAttributeAsync("#zip", "href"), StringComparison.Ordinal);
        Assert.Contains("/archive.pdf?rev=0", await page.GetAttributeAsync("#pdf", "href"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("#caption")));
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts.FullName, "preview-page.png"), FullPage = true });
    }

    [Fact]
    public async Task PreviewPage_EmptyTopic_ShowsTheServersValidationMessage()
    {
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseAddress.ToString(), new PageGotoOptions { Timeout = TimeoutMs });

        // Bypass the browser's own "required" check to see what the server says.
        await page.EvalOnSelectorAsync("#topic", "t => t.removeAttribute('required')");
        await page.FillAsync("#topic", "  ");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        Assert.Contains("topic", (await page.TextContentAsync("#error"))!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PreviewPage_PhotoChosen_CoverShowsTheChosenPartOfIt()
    {
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseAddress.ToString(), new PageGotoOptions { Timeout = TimeoutMs });

        await page.FillAsync("#topic", "Weekend hiking for beginners");
        await page.FillAsync("#slides", "3");
        await page.SetInputFilesAsync("#background", new FilePayload { Name = "hike.jpg", MimeType = "image/jpeg", Buffer = TestPictures.Halves(1600, 800) });
        await page.SelectOptionAsync("#focus", "left");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync(".badge.completed", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        var id = await page.GetAttributeAsync("#job", "data-id");
        using var cover = SKBitmap.Decode(await fixture.Client.GetByteArrayAsync($"/api/carousels/{id}/slides/1.png"));
        var top = cover.GetPixel(540, 40);
        Assert.True(top.Red > 60 && top.Red > 2 * top.Blue, $"the cover's top shows {top}, not the photo's red left half");
    }

    [Fact]
    public async Task PreviewPage_SvgChosen_ShowsTheServersRefusal()
    {
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseAddress.ToString(), new PageGotoOptions { Timeout = TimeoutMs });

        await page.FillAsync("#topic", "Vector art for beginners");
        await page.SetInputFilesAsync("#background", new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() });
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        Assert.Contains("SVG", (await page.TextContentAsync("#error"))!, StringComparison.Ordinal);
        Assert.True(await page.IsHiddenAsync("#job"));
    }
}

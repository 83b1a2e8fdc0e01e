using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace VibeCoder.Gateway.Tests.Edits;

[Collection(GatewayCollection.Name)]
public sealed class EditorPageTests(GatewayFixture fixture)
{
    private const float TimeoutMs = 30_000;

    [Fact]
    public async Task EditorPage_SignedLink_EditsHeadingReordersByDragAndDownloadsTheEditedZip()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();

        // The link as the 202 (and the bot) gives it, on the test server's address.
        await page.GotoAsync(OnTestServer(carousel.EditUrl).ToString(), new PageGotoOptions { Timeout = TimeoutMs });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.slide.editable img').length === 5", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        var oldSecond = await ImageSourceAsync(page, 2);
        var oldThird = await ImageSourceAsync(page, 3);

        // Click the heading of slide 2, replace its words, Enter saves.
        await page.ClickAsync(".slide[data-index='2'] .edit-heading");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Edited in the browser");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('edit-status').textContent.includes('version 1')", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        await WaitForImagesAsync(page);
        var newSecond = await ImageSourceAsync(page, 2);
        Assert.NotEqual(oldSecond, newSecond);
        Assert.Equal(oldThird, await ImageSourceAsync(page, 3));
        Assert.Equal("Edited in the browser", await page.TextContentAsync(".slide[data-index='2'] .edit-heading"));

        // Drag slide 2 onto slide 4: it moves there.
        await page.DragAndDropAsync(".slide[data-index='2']", ".slide[data-index='4']");
        await page.WaitForFunctionAsync("() => document.getElementById('edit-status').textContent.includes('version 2')", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        await WaitForImagesAsync(page);
        Assert.Equal("Edited in the browser", await page.TextContentAsync(".slide[data-index='4'] .edit-heading"));
        Assert.False(await page.IsDisabledAsync("#undo"));

        // The ZIP link names the new revision and the archive holds the edited slides.
        Assert.EndsWith("archive.zip?rev=2", await page.GetAttributeAsync("#zip", "href"), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#zip"), new PageRunAndWaitForDownloadOptions { Timeout = TimeoutMs });
        var path = await download.PathAsync();
        var job = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{carousel.Id}").WaitAsync(EditableCarousel.Timeout);
        Assert.Equal(2, job.GetProperty("revision").GetInt32());
        var fourth = await fixture.Client.GetByteArrayAsync(job.GetProperty("slides")[3].GetProperty("imageUrl").GetString()).WaitAsync(EditableCarousel.Timeout);
        using (var zip = ZipFile.OpenRead(path))
        {
            var pngs = zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
            Assert.Equal(5, pngs.Length);
            using var entry = new MemoryStream();
            await using (var stream = pngs[3].Open())
            {
                await stream.CopyToAsync(entry);
            }

            Assert.Equal(fourth, entry.ToArray());
        }

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts.FullName, "editor-page.png"), FullPage = true });
    }

    [Fact]
    public async Task EditorPage_UndoButton_PutsTheOldHeadingBack()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var original = carousel.Job.GetProperty("slides")[1].GetProperty("heading").GetString();
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(OnTestServer(carousel.EditUrl).ToString(), new PageGotoOptions { Timeout = TimeoutMs });
        await page.WaitForSelectorAsync(".slide[data-index='2'] .edit-heading", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        await page.ClickAsync(".slide[data-index='2'] .edit-heading");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Short-lived");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !document.getElementById('undo').disabled", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        await page.ClickAsync("#undo");
        await page.WaitForFunctionAsync("() => document.getElementById('edit-status').textContent.includes('version 2')", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

        Assert.Equal(original, await page.TextContentAsync(".slide[data-index='2'] .edit-heading"));
        Assert.True(await page.IsDisabledAsync("#undo"));
    }

    [Fact]
    public async Task EditorPage_ForgedToken_ShowsTheLinkIsNotValidAndKeepsTheWords()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var original = carousel.Job.GetProperty("slides")[1].GetProperty("heading").GetString();
        var forged = carousel.Token[..^3] + (carousel.Token[^3] == 'A' ? "B" : "A") + carousel.Token[^2..];
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, $"?job={carousel.Id}#token={forged}").ToString(), new PageGotoOptions { Timeout = TimeoutMs });
        await page.WaitForSelectorAsync(".slide[data-index='2'] .edit-heading", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        await page.ClickAsync(".slide[data-index='2'] .edit-heading");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Hijacked");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#edit-error:not([hidden])", new PageWaitForSelectorOptions { Timeout = TimeoutMs });

        Assert.Contains("not valid", await page.TextContentAsync("#edit-error"), StringComparison.Ordinal);
        Assert.Equal(original, await page.TextContentAsync(".slide[data-index='2'] .edit-heading"));
    }

    [Fact]
    public async Task PreviewPage_LinkWithoutToken_ShowsTheCarouselReadOnly()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, $"?job={carousel.Id}").ToString(), new PageGotoOptions { Timeout = TimeoutMs });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.slide img').length === 3", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

        Assert.Equal(0, await page.Locator(".slide.editable").CountAsync());
        Assert.True(await page.IsHiddenAsync("#editor-bar"));
    }

    // The link's path, query and fragment on the test server (the configured public address is not where it listens).
    private Uri OnTestServer(Uri link)
    {
        Assert.Equal("/", link.AbsolutePath);
        return new Uri(fixture.BaseAddress, link.PathAndQuery + link.Fragment);
    }

    private static Task<string?> ImageSourceAsync(IPage page, int index) => page.GetAttributeAsync($".slide[data-index='{index}'] img", "src");

    private static Task WaitForImagesAsync(IPage page) => page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('.slide img')].every(i => i.complete && i.naturalWidth === 1080)",
        null,
        new PageWaitForFunctionOptions { Timeout = TimeoutMs });
}

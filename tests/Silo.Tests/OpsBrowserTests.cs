using Microsoft.Playwright;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Silo.Diagnostics.Ops;
using VibeCoder.Silo.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VibeCoder.Silo.Tests;

/// <summary>The ops page and the Orleans dashboard in headless Chromium, opened under a path prefix as behind an ingress.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class OpsBrowserTests(DiagnosticsFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Wait = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions WaitContains = new() { Timeout = 15_000 };

    [Fact]
    public async Task OpsPage_WithFailureDeadLetterAndJournal_ShowsThemAndRedrivesOnClick()
    {
        await fixture.Host.RunCarouselAsync("Ops page in a browser");
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Pipeline.RecordFailure(new PipelineFailure(job, "Why cats rule the internet", WorkflowStep.Render, "Rendering timed out after 30 s", DateTimeOffset.UtcNow));
        fixture.Journal.Append(job, new OpsJournalEntry("e1", "workflow.started", DateTimeOffset.UtcNow, "workflow", "corr-browser", null, "{\"jobId\":\"" + job + "\"}"));
        fixture.Journal.Append(job, new OpsJournalEntry("e2", "system.error.occurred", DateTimeOffset.UtcNow, "workflow", "corr-browser", "e1", "{\"error\":\"Rendering timed out\"}"));
        var letter = fixture.DeadLetters.Add("carousel.completed", "history store unavailable");
        var (page, errors) = await OpenAsync(fixture.Host, "/ops");

        Assert.EndsWith(DiagnosticsFixture.PathBase + "/ops/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.Locator("#jobs-by-status tr[data-status='completed'] td").Nth(1)).Not.ToHaveTextAsync("0", Wait);
        await Expect(page.Locator("#steps tr[data-step='render']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("#failures")).ToContainTextAsync("Rendering timed out after 30 s", WaitContains);
        var deadLetter = page.Locator($"#dead-letter-table tr[data-id='{letter.Id}']");
        await Expect(deadLetter).ToContainTextAsync("history store unavailable", WaitContains);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "ops.png"), FullPage = true });

        await page.Locator($"#failures tr[data-job='{job}'] button").ClickAsync();
        await Expect(page.Locator("#journal-table tr[data-type='system.error.occurred']")).ToContainTextAsync("Rendering timed out", WaitContains);
        await Expect(page.Locator("#journal-table tbody tr").First).ToContainTextAsync("workflow.started", WaitContains);

        await deadLetter.Locator("button.redrive").ClickAsync();
        await Expect(deadLetter).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.Locator("#redrive-status")).ToContainTextAsync("Re-drove", WaitContains);
        Assert.Contains(letter.Id, fixture.DeadLetters.Redriven);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "ops-journal.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpsPage_WithoutDeadLetterOrJournalSources_SaysNotAvailableOnThisStorage()
    {
        await using var host = await TestHost.StartAsync();
        var (page, errors) = await OpenAsync(host, "/ops/");

        await Expect(page.Locator("#dead-letters .unavailable")).ToHaveTextAsync("not available on this storage", Wait);
        await Expect(page.Locator("#journal .unavailable")).ToHaveTextAsync("not available on this storage", Wait);
        await Expect(page.Locator("#journal-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#pipeline .content")).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OrleansDashboard_UnderAPrefix_LoadsItsScriptAndItsJsonApi()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var script = page.WaitForResponseAsync(r => r.Url.EndsWith("/dashboard/index.min.js", StringComparison.Ordinal), new() { Timeout = 15_000 });
        var counters = page.WaitForResponseAsync(r => r.Url.Contains("/dashboard/DashboardCounters", StringComparison.Ordinal), new() { Timeout = 15_000 });

        await page.GotoAsync(new Uri(fixture.Host.Address, DiagnosticsFixture.PathBase + "/dashboard").ToString());

        Assert.EndsWith(DiagnosticsFixture.PathBase + "/dashboard/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(200, (await script).Status);
        Assert.Equal(200, (await counters).Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "orleans-dashboard.png") });
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(TestHost host, string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " (" + message.Location + ")");
            }
        };
        await page.GotoAsync(new Uri(host.Address, host.PathBase + path).ToString());
        return (page, errors);
    }
}

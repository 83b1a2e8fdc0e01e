using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Tests.Grains;
using VibeCoder.Silo.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VibeCoder.Silo.Tests;

/// <summary>The dashboard page in headless Chromium, opened under the path prefix /ops as behind an ingress.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly LocatorAssertionsToHaveTextOptions Wait = new() { Timeout = 15_000 };

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Page_AfterGrainCalls_ShowsGrainTypesChangingNumbersAndAGrainsState()
    {
        var baseKey = Random.Shared.Next(10_000_000, 20_000_000);
        for (var i = 0; i < 3; i++)
        {
            await Host.Grains.GetGrain<ITallyGrain>(baseKey + i).Add(i + 3, "browser").WaitAsync(CallTimeout);
        }

        await Host.Grains.GetGrain<IGreeterGrain>("browser").Greet("browser").WaitAsync(CallTimeout);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
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

        await page.GotoAsync(new Uri(Host.Address, DashboardFixture.PathBase + "/dashboard").ToString());

        // Overview: the relative redirect kept the prefix, the API answered, the grain types are listed.
        Assert.EndsWith("/ops/dashboard/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        try
        {
            await Expect(page.Locator("#silo-name")).ToHaveTextAsync("test-silo", Wait);
        }
        catch (PlaywrightException error)
        {
            throw new Xunit.Sdk.XunitException($"The page did not load its data; page errors: {string.Join(" | ", errors)}", error);
        }

        await Expect(page.Locator("#activations-table tr[data-type='tally'] td").Nth(0)).ToHaveTextAsync("tally", Wait);
        await Expect(page.Locator("#activations-table tr[data-type='greeter']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var activations = await page.Locator("#kpi-activations").TextContentAsync();
        await DriveLoadAsync(baseKey, TimeSpan.FromSeconds(4));
        for (var i = 3; i < 8; i++)
        {
            await Host.Grains.GetGrain<ITallyGrain>(baseKey + i).Add(1, "browser").WaitAsync(CallTimeout);
        }

        await Expect(page.Locator("#kpi-activations")).Not.ToHaveTextAsync(activations!, Wait);
        await Expect(page.Locator("#legend-calls b").First).Not.ToHaveTextAsync("–", Wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard.png"), FullPage = true });

        // Grain types: per-type calls grow after more calls; a row opens onto its methods.
        await page.ClickAsync("button[data-tab='grains']");
        var callsCell = page.Locator("#grain-types-table tr.type-row[data-type='tally'] td").Nth(3);
        await Expect(callsCell).Not.ToHaveTextAsync("", Wait);
        var calls = await callsCell.TextContentAsync();
        for (var i = 0; i < 20; i++)
        {
            await Host.Grains.GetGrain<ITallyGrain>(baseKey).Get().WaitAsync(CallTimeout);
        }

        await Expect(callsCell).Not.ToHaveTextAsync(calls!, Wait);
        await page.ClickAsync("#grain-types-table tr.type-row[data-type='tally']");
        await Expect(page.Locator("#grain-types-table tr[data-method='tally.Add'] td").First).ToHaveTextAsync("ITallyGrain.Add", Wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-grains.png"), FullPage = true });

        // Active grains and the state viewer: a known grain's persisted state, as JSON.
        await page.ClickAsync("button[data-tab='active']");
        await Expect(page.Locator("#active-type")).ToHaveValueAsync("tally", new() { Timeout = 15_000 });
        var row = page.Locator($"#active-table tr[data-grain='tally/{baseKey + 2}']");
        await row.ClickAsync(new LocatorClickOptions { Timeout = 15_000 });
        var json = page.Locator("#state-view [data-state='tally'] pre.json");
        await Expect(json).ToContainTextAsync("\"count\": 5", new() { Timeout = 15_000 });
        await Expect(json).ToContainTextAsync("\"lastBy\": \"browser\"");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-state.png"), FullPage = true });

        // Streams: the provider and the stream an item went through.
        var streamKey = "b" + baseKey;
        var delivered = Host.Services.GetRequiredService<StreamSignals>().WhenDelivered("browser " + streamKey);
        await Host.Services.GetStreamProvider(TestHost.StreamProvider).GetStream<string>(EchoGrain.Namespace, streamKey).OnNextAsync("browser " + streamKey).WaitAsync(CallTimeout);
        await delivered.WaitAsync(CallTimeout);
        await page.ClickAsync("button[data-tab='streams']");
        await Expect(page.Locator($"#stream-subscriptions tr[data-stream='echo/{streamKey}'] td").Nth(3)).ToHaveTextAsync("implicit:echo", Wait);

        // Carousel pipeline: statuses, step times and a failure with its error.
        fixture.Pipeline.RecordStatus(JobStatus.Queued);
        fixture.Pipeline.RecordStatus(JobStatus.Generating);
        fixture.Pipeline.RecordStep(WorkflowStep.Analyse, TimeSpan.FromMilliseconds(340), succeeded: true);
        fixture.Pipeline.RecordStep(WorkflowStep.Write, TimeSpan.FromMilliseconds(2100), succeeded: true);
        fixture.Pipeline.RecordStep(WorkflowStep.Render, TimeSpan.FromMilliseconds(950), succeeded: false);
        fixture.Pipeline.RecordStatus(JobStatus.Failed);
        fixture.Pipeline.RecordFailure(new PipelineFailure("job-browser", "Why cats rule the internet", WorkflowStep.Render, "Rendering timed out after 30 s", DateTimeOffset.UtcNow));
        await page.ClickAsync("button[data-tab='pipeline']");
        await Expect(page.Locator("#pipeline-failures")).ToContainTextAsync("Rendering timed out after 30 s", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-pipeline.png"), FullPage = true });

        // Live log: the greeter's log line reached the tail.
        await page.ClickAsync("button[data-tab='logs']");
        await Expect(page.Locator("#log-view")).ToContainTextAsync("Greeting browser", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-logs.png") });

        Assert.Empty(errors);
    }

    /// <summary>A few seconds of calls (some failing) so the charts have a shape; bounded in time and count.</summary>
    private async Task DriveLoadAsync(int baseKey, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var n = 0; n < 200_000 && !stop.IsCancellationRequested; n++)
            {
                var tally = Host.Grains.GetGrain<ITallyGrain>(baseKey + worker);
                if (n % 50 == 49)
                {
                    await Assert.ThrowsAsync<InvalidOperationException>(() => tally.Fail("load").WaitAsync(CallTimeout));
                }
                else
                {
                    await tally.Get().WaitAsync(CallTimeout);
                }
            }
        });
        await Task.WhenAll(workers);
    }
}

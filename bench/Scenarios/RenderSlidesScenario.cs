using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// One 1080×1350 content slide, drawn and PNG-encoded by <see cref="CairoSlideRenderer"/>: median milliseconds per
/// slide. Baseline: the same slide as HTML/CSS in a warm headless Chromium page (Debian's /usr/bin/chromium driven by
/// Playwright), its text set and a PNG screenshot taken per run — what a "render with a browser" design would pay.
/// </summary>
internal static class RenderSlidesScenario
{
    private const int CairoWarmUpRuns = 150;
    private const int ChromiumWarmUpRuns = 20;
    private const int MeasuredRuns = 60;
    private const int Width = 1080;
    private const int Height = 1350;
    private const string Handle = "@vibecoder";

    private static readonly SlideContent Slide = new(
        SlideKind.Content,
        "Начинайте день без телефона",
        "Первые 30 минут после пробуждения задают тон всему дню. Вместо ленты новостей — стакан воды, короткая "
        + "зарядка и план на три главные задачи. Мозг получает время проснуться, а не тонуть в чужих срочностях.");

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<System.Text.Json.Nodes.JsonObject> RunAsync(CancellationToken ct)
    {
        (double cairoMedian, int cairoBytes) = MeasureCairo(ct);
        Console.Error.WriteLine($"cairo + pango: {cairoMedian:F2} ms per slide (median of {MeasuredRuns}), {cairoBytes:N0} bytes");
        (double chromiumMedian, int chromiumBytes) = await MeasureChromiumAsync(ct).ConfigureAwait(false);
        Console.Error.WriteLine($"chromium screenshot: {chromiumMedian:F2} ms per slide (median of {MeasuredRuns}), {chromiumBytes:N0} bytes");

        return new JsonObject
        {
            ["scenario"] = "render-slides",
            ["value"] = Math.Round(cairoMedian, 3),
            ["unit"] = "ms",
            ["baseline"] = Math.Round(chromiumMedian, 3),
            ["ratio"] = Math.Round(chromiumMedian / cairoMedian, 2),
            ["runs"] = MeasuredRuns,
            ["width"] = Width,
            ["height"] = Height,
            ["png_bytes"] = cairoBytes,
            ["baseline_png_bytes"] = chromiumBytes,
            ["cores"] = Environment.ProcessorCount,
        };
    }

    private static (double MedianMilliseconds, int PngBytes) MeasureCairo(CancellationToken ct)
    {
        var renderer = new CairoSlideRenderer();
        var options = new RenderOptions("midnight", SlideSize.Portrait, Handle, null);

        // Warm-up brings the JIT to its optimised tier (tiering waits for 30 calls and a quiet 100 ms) and loads
        // the fonts into this thread's pango font map.
        for (int i = 0; i < CairoWarmUpRuns; i++)
        {
            renderer.RenderSlide(Slide, 2, 7, options);
        }

        var times = new double[MeasuredRuns];
        int bytes = 0;
        for (int i = 0; i < MeasuredRuns; i++)
        {
            ct.ThrowIfCancellationRequested();
            long started = Stopwatch.GetTimestamp();
            RenderedSlide slide = renderer.RenderSlide(Slide, 2, 7, options);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes = slide.Png.Length;
        }

        return (Median(times), bytes);
    }

    private static async Task<(double MedianMilliseconds, int PngBytes)> MeasureChromiumAsync(CancellationToken ct)
    {
        using IPlaywright playwright = await Playwright.CreateAsync().WaitAsync(ct).ConfigureAwait(false);
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        }).WaitAsync(ct).ConfigureAwait(false);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            DeviceScaleFactor = 1,
        }).WaitAsync(ct).ConfigureAwait(false);
        await page.SetContentAsync(Html()).WaitAsync(ct).ConfigureAwait(false);

        var screenshot = new PageScreenshotOptions { Type = ScreenshotType.Png, FullPage = false };
        string[] texts = [Slide.Heading, Slide.Body];
        var times = new double[MeasuredRuns];
        int bytes = 0;
        for (int i = -ChromiumWarmUpRuns; i < MeasuredRuns; i++)
        {
            ct.ThrowIfCancellationRequested();
            long started = Stopwatch.GetTimestamp();

            // Setting the text makes Chromium lay the slide out again, as the renderer does for every slide.
            await page.EvaluateAsync(
                "([heading, body]) => { document.getElementById('heading').textContent = heading; document.getElementById('body').textContent = body; }",
                texts).ConfigureAwait(false);
            byte[] png = await page.ScreenshotAsync(screenshot).ConfigureAwait(false);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                bytes = png.Length;
            }
        }

        return (Median(times), bytes);
    }

    // The content slide's design in CSS: gradient, corner glow, accent number and rule, heading, body, footer.
    private static string Html() => $$"""
        <!doctype html>
        <html><head><meta charset="utf-8"><style>
          html, body { margin: 0; width: {{Width}}px; height: {{Height}}px; overflow: hidden; }
          body { background: linear-gradient(#0b1024, #1b2550); color: #f5f7ff; font-family: 'DejaVu Sans', sans-serif; position: relative; }
          .glow { position: absolute; left: 560px; top: -490px; width: 1120px; height: 1120px; border-radius: 50%;
                  background: radial-gradient(closest-side, rgba(124,156,255,.22), rgba(124,156,255,0)); }
          .safe { position: absolute; left: 80px; top: 80px; right: 80px; bottom: 80px; display: flex; flex-direction: column; }
          .header { display: flex; align-items: center; gap: 32px; }
          .number { color: #7c9cff; font-weight: 700; font-stretch: condensed; font-size: 96px; line-height: 1; }
          .rule { flex: 1; height: 4px; border-radius: 2px; background: rgba(124,156,255,.45); }
          h1 { margin: 44px 0 0; font-size: 80px; line-height: 1.05; font-weight: 700; font-stretch: condensed; }
          p { margin: 36px 0 0; font-size: 46px; line-height: 1.38; opacity: .86; }
          .footer { margin-top: auto; }
          .track { height: 6px; border-radius: 3px; background: rgba(165,176,214,.28); margin-bottom: 26px; }
          .track div { width: 28.6%; height: 100%; border-radius: 3px; background: #7c9cff; }
          .row { display: flex; justify-content: space-between; font-size: 28px; font-weight: 700; }
        </style></head><body>
          <div class="glow"></div>
          <div class="safe">
            <div class="header"><div class="number">01</div><div class="rule"></div></div>
            <h1 id="heading">{{WebUtility.HtmlEncode(Slide.Heading)}}</h1>
            <p id="body">{{WebUtility.HtmlEncode(Slide.Body)}}</p>
            <div class="footer"><div class="track"><div></div></div><div class="row"><span>{{Handle}}</span><span>2/7</span></div></div>
          </div>
        </body></html>
        """;

    private static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

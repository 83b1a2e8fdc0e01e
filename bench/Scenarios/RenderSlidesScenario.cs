using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using VibeCoder.Grains.Carousels;
using SkiaSharp;
using VibeCoder.Rendering;
using VibeCoder.Rendering.Diagnostics;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// Every slide kind in every theme (1080×1350, Russian text with emoji), drawn and PNG-encoded by
/// <see cref="SkiaSlideRenderer"/>: median milliseconds per slide, and where the time goes (HarfBuzz shaping, the
/// rest of text layout, drawing, PNG encoding). Baseline, in the same run: the same slides' words and colours as
/// HTML/CSS in a warm headless Chromium page (Debian's /usr/bin/chromium driven by Playwright), text and theme set
/// and a PNG screenshot taken per slide — what a "render with a browser" design would pay. Also measures the PNG
/// encoder settings the renderer chose against the alternatives (stderr and "png_options").
/// </summary>
internal static class RenderSlidesScenario
{
    private const int SkiaWarmUpRounds = 5;
    private const int SkiaMeasuredRounds = 4;
    private const int ChromiumWarmUpRuns = 20;
    private const int ChromiumMeasuredRuns = 60;
    private const int Width = 1080;
    private const int Height = 1350;
    private const string Handle = "@vibecoder";

    private static readonly SlideContent[] Kinds =
    [
        new(SlideKind.Cover, "7 привычек, которые изменят вашу продуктивность 🚀", "Простые шаги, которые работают уже с завтрашнего утра"),
        new(SlideKind.Content, "Начинайте день без телефона",
            "Первые 30 минут после пробуждения задают тон всему дню. Вместо ленты новостей — стакан воды, короткая "
            + "зарядка и план на три главные задачи. Мозг получает время проснуться, а не тонуть в чужих срочностях."),
        new(SlideKind.List, "Сделайте сегодня", "Выпейте стакан воды 💧\nЗапишите три главные задачи\n20 минут без уведомлений\nПрогулка после обеда"),
        new(SlideKind.Quote, "Питер Друкер", "Нет ничего более бесполезного, чем эффективно делать то, чего делать не нужно вовсе."),
        new(SlideKind.CallToAction, "Сохраните, чтобы не потерять", "Подписывайтесь — каждый день новая идея о фокусе 🎯"),
    ];

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<JsonObject> RunAsync(CancellationToken ct)
    {
        (SlideContent Slide, string Theme)[] slides = [.. SlideThemes.Names.SelectMany(theme => Kinds.Select(kind => (kind, theme)))];
        SkiaFigures skia = MeasureSkia(slides, ct);
        Console.Error.WriteLine(
            $"skia: {skia.Median:F2} ms per slide (median of {skia.Runs}, {slides.Length} kinds × themes), {skia.PngBytes:N0} bytes; "
            + $"mean shaping {skia.Shaping:F2} + other layout {skia.Layout:F2} + drawing {skia.Draw:F2} + PNG {skia.Encode:F2} ms");
        JsonArray pngOptions = MeasurePngOptions(ct);
        (double chromiumMedian, int chromiumBytes) = await MeasureChromiumAsync(slides, ct).ConfigureAwait(false);
        Console.Error.WriteLine($"chromium screenshot: {chromiumMedian:F2} ms per slide (median of {ChromiumMeasuredRuns}), {chromiumBytes:N0} bytes");

        return new JsonObject
        {
            ["scenario"] = "render-slides",
            ["value"] = Math.Round(skia.Median, 3),
            ["unit"] = "ms",
            ["p90"] = Math.Round(skia.P90, 3),
            ["baseline"] = Math.Round(chromiumMedian, 3),
            ["ratio"] = Math.Round(chromiumMedian / skia.Median, 2),
            ["runs"] = skia.Runs,
            ["slides"] = slides.Length,
            ["shaping_ms"] = Math.Round(skia.Shaping, 3),
            ["layout_ms"] = Math.Round(skia.Layout, 3),
            ["draw_ms"] = Math.Round(skia.Draw, 3),
            ["encode_ms"] = Math.Round(skia.Encode, 3),
            ["cpu_ms"] = Math.Round(skia.CpuPerSlide, 3),
            ["width"] = Width,
            ["height"] = Height,
            ["png_bytes"] = skia.PngBytes,
            ["baseline_png_bytes"] = chromiumBytes,
            ["png_options"] = pngOptions,
            ["cores"] = Environment.ProcessorCount,
        };
    }

    /// <summary>Per-slide figures; the stage means are per slide in milliseconds.</summary>
    private sealed record SkiaFigures(double Median, double P90, int Runs, int PngBytes, double Shaping, double Layout, double Draw, double Encode, double CpuPerSlide);

    private static SkiaFigures MeasureSkia((SlideContent Slide, string Theme)[] slides, CancellationToken ct)
    {
        var renderer = new SkiaSlideRenderer();

        // Warm-up brings the JIT to its optimised tier (tiering waits for 30 calls and a quiet 100 ms) and resolves
        // every style's fonts and shapers once.
        for (int round = 0; round < SkiaWarmUpRounds; round++)
        {
            foreach ((SlideContent slide, string theme) in slides)
            {
                renderer.RenderSlide(slide, 2, 7, Options(theme));
            }
        }

        var profile = new RenderProfile();
        var times = new List<double>(slides.Length * SkiaMeasuredRounds);
        int bytes = 0;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (int round = 0; round < SkiaMeasuredRounds; round++)
        {
            foreach ((SlideContent slide, string theme) in slides)
            {
                ct.ThrowIfCancellationRequested();
                long started = Stopwatch.GetTimestamp();
                RenderedSlide rendered = renderer.RenderSlide(slide, 2, 7, Options(theme), profile);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                bytes = Math.Max(bytes, rendered.Png.Length);
            }
        }

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
        double perSlide(long ticks) => RenderProfile.Milliseconds(ticks) / times.Count;
        return new SkiaFigures(
            Percentile(times, 0.5), Percentile(times, 0.9), times.Count, bytes,
            perSlide(profile.ShapingTicks), perSlide(profile.LayoutTicks - profile.ShapingTicks),
            perSlide(profile.DrawTicks - profile.LayoutTicks), perSlide(profile.EncodeTicks), cpu);
    }

    private static RenderOptions Options(string theme) => new(theme, SlideSize.Portrait, Handle, null);

    // The same pixels through Skia's PNG encoder at several filters and zlib levels. The renderer's choice should be
    // the fast end of this table. Milliseconds are medians of wall time; cpu_ms is the process's
    // CPU time per encode, steadier on a loaded machine.
    private static JsonArray MeasurePngOptions(CancellationToken ct)
    {
        RenderedSlide slide = new SkiaSlideRenderer().RenderSlide(Kinds[1], 2, 7, Options("midnight"));
        using SKBitmap decoded = SKBitmap.Decode(slide.Png);
        using SKBitmap bitmap = decoded.Copy(SKColorType.Rgba8888)!;
        using SKPixmap pixmap = bitmap.PeekPixels();
        var candidates = new List<(string Encoder, string Filter, int Level, string Strategy, Func<long> Encode)>();
        foreach ((SKPngEncoderFilterFlags filter, int level) in new[]
        {
            (SKPngEncoderFilterFlags.AllFilters, 6), (SKPngEncoderFilterFlags.AllFilters, 1),
            (SKPngEncoderFilterFlags.Sub, 1), (SKPngEncoderFilterFlags.Up, 4), (SKPngEncoderFilterFlags.Up, 1),
            (SKPngEncoderFilterFlags.Paeth, 1), (SKPngEncoderFilterFlags.NoFilters, 1),
        })
        {
            var options = new SKPngEncoderOptions(filter, level);
            candidates.Add(("skia", filter.ToString(), level, "default", () =>
            {
                using SKData data = pixmap.Encode(options)!;
                return data.Size;
            }));
        }

        SKPngEncoderOptions chosenOptions = SkiaSlideRenderer.PngOptions;
        var table = new JsonArray();
        foreach ((string encoder, string filter, int level, string strategy, Func<long> encode) in candidates)
        {
            var times = new double[9];
            long size = 0;
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < times.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                long started = Stopwatch.GetTimestamp();
                size = encode();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Length;
            double median = Percentile(times, 0.5);
            bool chosen = filter == chosenOptions.FilterFlags.ToString() && level == chosenOptions.ZLibLevel;
            Console.Error.WriteLine(
                $"  png {encoder,-7} {filter,-10} zlib {level} {strategy,-17}: {median,6:F2} ms, cpu {cpu,6:F2} ms {size,9:N0} bytes{(chosen ? "  ← renderer" : string.Empty)}");
            table.Add(new JsonObject
            {
                ["encoder"] = encoder, ["filter"] = filter, ["zlib"] = level, ["strategy"] = strategy,
                ["ms"] = Math.Round(median, 2), ["cpu_ms"] = Math.Round(cpu, 2), ["bytes"] = size, ["chosen"] = chosen,
            });
        }

        return table;
    }

    private static async Task<(double MedianMilliseconds, int PngBytes)> MeasureChromiumAsync((SlideContent Slide, string Theme)[] slides, CancellationToken ct)
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
        var times = new double[ChromiumMeasuredRuns];
        int bytes = 0;
        for (int i = -ChromiumWarmUpRuns; i < ChromiumMeasuredRuns; i++)
        {
            ct.ThrowIfCancellationRequested();
            (SlideContent slide, string themeName) = slides[(i + ChromiumWarmUpRuns) % slides.Length];
            SlideThemes.TryGet(themeName, out SlideTheme? theme);
            string[] arguments =
            [
                slide.Heading, slide.Body, theme!.Background.ToString(), theme.BackgroundEnd.ToString(), theme.Text.ToString(), theme.Accent.ToString(),
            ];
            long started = Stopwatch.GetTimestamp();

            // Setting the text and colours makes Chromium lay out and paint the slide again, as the renderer does.
            await page.EvaluateAsync(
                """
                ([heading, body, background, backgroundEnd, text, accent]) => {
                  document.getElementById('heading').textContent = heading;
                  document.getElementById('body').textContent = body;
                  const style = document.body.style;
                  style.setProperty('--background', background); style.setProperty('--background-end', backgroundEnd);
                  style.setProperty('--text', text); style.setProperty('--accent', accent);
                }
                """,
                arguments).ConfigureAwait(false);
            byte[] png = await page.ScreenshotAsync(screenshot).ConfigureAwait(false);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                bytes = png.Length;
            }
        }

        return (Percentile(times, 0.5), bytes);
    }

    // The content slide's design in CSS: gradient, corner glow, accent number and rule, heading, body, footer.
    private static string Html() => $$"""
        <!doctype html>
        <html><head><meta charset="utf-8"><style>
          html, body { margin: 0; width: {{Width}}px; height: {{Height}}px; overflow: hidden; }
          body { --background: #0b1024; --background-end: #1b2550; --text: #f5f7ff; --accent: #7c9cff;
                 background: linear-gradient(var(--background), var(--background-end)); color: var(--text); font-family: 'DejaVu Sans', sans-serif; position: relative; }
          .glow { position: absolute; left: 560px; top: -490px; width: 1120px; height: 1120px; border-radius: 50%;
                  background: radial-gradient(closest-side, rgba(124,156,255,.22), rgba(124,156,255,0)); }
          .safe { position: absolute; left: 80px; top: 80px; right: 80px; bottom: 80px; display: flex; flex-direction: column; }
          .header { display: flex; align-items: center; gap: 32px; }
          .number { color: var(--accent); font-weight: 700; font-stretch: condensed; font-size: 96px; line-height: 1; }
          .rule { flex: 1; height: 4px; border-radius: 2px; background: rgba(124,156,255,.45); }
          h1 { margin: 44px 0 0; font-size: 80px; line-height: 1.05; font-weight: 700; font-stretch: condensed; }
          p { margin: 36px 0 0; font-size: 46px; line-height: 1.38; opacity: .86; }
          .footer { margin-top: auto; }
          .track { height: 6px; border-radius: 3px; background: rgba(165,176,214,.28); margin-bottom: 26px; }
          .track div { width: 28.6%; height: 100%; border-radius: 3px; background: var(--accent); }
          .row { display: flex; justify-content: space-between; font-size: 28px; font-weight: 700; }
        </style></head><body>
          <div class="glow"></div>
          <div class="safe">
            <div class="header"><div class="number">01</div><div class="rule"></div></div>
            <h1 id="heading"></h1>
            <p id="body"></p>
            <div class="footer"><div class="track"><div></div></div><div class="row"><span>{{Handle}}</span><span>2/7</span></div></div>
          </div>
        </body></html>
        """;

    private static double Percentile(IReadOnlyCollection<double> values, double share)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        double rank = share * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (rank - below));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Bench;

/// <summary>
/// Telegram updates POSTed to <c>/telegram/webhook</c> (with the secret) on a real Kestrel on loopback, by an in-process
/// load generator over many connections. The gateway is the real process on its embedded defaults (co-hosted silo,
/// SQLite file, updates acknowledged only once committed to the durable stream), talking to the Bot API stand-in here.
/// <c>value</c>: the most acknowledged updates/s (closed loop, every connection busy); <c>baseline</c>: an empty
/// minimal-API endpoint driven the same way in the same run; <c>p99_ack_ms</c>: the 99th percentile acknowledgement
/// time at a fixed offered load of 2,000 updates/s (open loop, timed from each update's scheduled start).
/// </summary>
/// <remarks>
/// The updates are /help commands from <c>--count</c> chats (default 1,000), so the sessions handle them in the
/// background while the intake is measured; replies are paced at Telegram's 30 messages/s, as in production. The
/// gateway is warmed up for as long as a measurement lasts (at least 5 s) so tiered compilation has settled.
/// </remarks>
internal static class WebhookIngestScenario
{
    private const int Connections = 64;
    private const double FixedRate = 2000;
    private const string Secret = "bench-webhook-secret";
    private const string WebhookPath = "/telegram/webhook";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    private static TimeSpan GatewayWarmup(BenchArguments a) => TimeSpan.FromSeconds(Math.Max(5, a.Seconds));

    public static async Task<JsonObject> RunAsync(BenchArguments a, CancellationToken ct)
    {
        var chats = a.Count ?? 1000;
        var folder = Path.Combine(Path.GetTempPath(), "vibecoder-bench-webhook", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var standIn = await BotApiStandInServer.StartAsync(cancellationToken: ct);
            var updates = new UpdateSource(chats);

            double baselineRate, baselineP99;
            await using (var baseline = await StartBaselineAsync(ct))
            {
                using var client = CreateClient(baseline.Address);
                await DriveClosedAsync(client, updates, Warmup, ct);
                baselineRate = (await DriveClosedAsync(client, updates, a.Duration, ct)).Rate;
                baselineP99 = (await DriveOpenAsync(client, updates, FixedRate, a.Duration, ct)).P99Milliseconds;
                Console.Error.WriteLine($"empty endpoint: {baselineRate:N0} req/s, p99 {baselineP99:N2} ms at {FixedRate:N0}/s");
            }

            await using var gateway = await StartGatewayAsync(standIn, folder, a.Storage, ct);
            using (var client = CreateClient(gateway.Address))
            {
                // The gateway runs much more code than the empty endpoint: let tiered compilation settle before measuring.
                await DriveClosedAsync(client, updates, GatewayWarmup(a), ct);
                var max = await DriveClosedAsync(client, updates, a.Duration, ct);
                Console.Error.WriteLine($"webhook: {max.Rate:N0} updates/s acknowledged ({max.Errors} errors)");
                var fixedLoad = await DriveOpenAsync(client, updates, FixedRate, a.Duration, ct);
                Console.Error.WriteLine($"webhook at {FixedRate:N0}/s: p50 {fixedLoad.P50Milliseconds:N2} ms, p99 {fixedLoad.P99Milliseconds:N2} ms ({fixedLoad.Errors} errors)");

                return new JsonObject
                {
                    ["scenario"] = "webhook-ingest",
                    ["value"] = Math.Round(max.Rate),
                    ["unit"] = "updates/s",
                    ["baseline"] = Math.Round(baselineRate),
                    ["ratio"] = Math.Round(max.Rate / baselineRate, 3),
                    ["p99_ack_ms"] = Math.Round(fixedLoad.P99Milliseconds, 2),
                    ["p50_ack_ms"] = Math.Round(fixedLoad.P50Milliseconds, 2),
                    ["baseline_p99_ack_ms"] = Math.Round(baselineP99, 2),
                    ["fixed_load_per_second"] = FixedRate,
                    ["fixed_load_achieved_per_second"] = Math.Round(fixedLoad.Rate),
                    ["errors"] = max.Errors + fixedLoad.Errors,
                    ["storage"] = a.Storage,
                    ["target_ratio"] = 0.5,
                    ["target_p99_ack_ms"] = 10,
                    ["connections"] = Connections,
                    ["chats"] = chats,
                    ["cores"] = Environment.ProcessorCount,
                    ["seconds"] = a.Seconds,
                };
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the OS cleans temp folders.
            }
        }
    }

    private static async Task<GatewayProcess> StartGatewayAsync(BotApiStandInServer standIn, string folder, string storage, CancellationToken ct)
    {
        // As deployed (k8s mounts the database volume apart from the app): the database is not under the content root,
        // whose file watcher (configuration reload) would otherwise wake on every write to the WAL.
        var app = Directory.CreateDirectory(Path.Combine(folder, "app")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        return await GatewayProcess.StartAsync(app, new Dictionary<string, string>
        {
            ["STORAGE"] = storage,
            ["SQLITE_PATH"] = Path.Combine(data, "bench.db"),
            ["TELEGRAM_BOT_TOKEN"] = standIn.Token,
            ["TELEGRAM_API_BASE_URL"] = standIn.BaseAddress.ToString().TrimEnd('/'),
            ["TELEGRAM_MODE"] = "webhook",
            ["TELEGRAM_WEBHOOK_URL"] = "https://bench.example.test/telegram/webhook",
            ["TELEGRAM_WEBHOOK_SECRET"] = Secret,
            ["Logging__LogLevel__Default"] = "Warning",
        }, ct);
    }

    private static async Task<RunningApp> StartBaselineAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder();
        Quiet(builder);
        var app = builder.Build();
        app.MapPost(WebhookPath, static () => Results.Ok());
        return await RunningApp.StartAsync(app, ct);
    }

    private static void Quiet(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }

    private static HttpClient CreateClient(Uri address) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>One request in flight per connection, for <paramref name="duration"/>: the most the endpoint sustains.</summary>
    private static async Task<LoadResult> DriveClosedAsync(HttpClient client, UpdateSource updates, TimeSpan duration, CancellationToken ct)
    {
        long completed = 0, errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Connections).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration && !ct.IsCancellationRequested)
            {
                if (await PostAsync(client, updates.Next(), ct))
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(completed / stopwatch.Elapsed.TotalSeconds, errors, double.NaN, double.NaN);
    }

    /// <summary>
    /// Starts updates on a fixed schedule whatever the answers, and times each from its scheduled start, so a slow
    /// answer also counts against the updates that had to wait behind it.
    /// </summary>
    private static async Task<LoadResult> DriveOpenAsync(HttpClient client, UpdateSource updates, double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var ok = new bool[total];
        var inFlight = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var scheduled = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            var index = i;
            var body = updates.Next();
            inFlight.Add(Task.Run(
                async () =>
                {
                    ok[index] = await PostAsync(client, body, ct);
                    latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
                },
                ct));
        }

        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var measured = latencies.Where((_, i) => ok[i]).Order().ToArray();
        return new LoadResult(measured.Length / elapsed, ok.Count(x => !x), Percentile(measured, 50), Percentile(measured, 99));
    }

    private static async Task<bool> PostAsync(HttpClient client, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = content, Version = HttpVersion.Version11 };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record LoadResult(double Rate, long Errors, double P50Milliseconds, double P99Milliseconds);

    /// <summary>Telegram-shaped /help updates with increasing update ids, spread over many chats.</summary>
    private sealed class UpdateSource(int chats)
    {
        private long _next;

        public byte[] Next()
        {
            var n = Interlocked.Increment(ref _next);
            var chat = 10_000_000 + (n % chats);
            return Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture,
                $$$"""{"update_id":{{{n}}},"message":{"message_id":{{{n}}},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"Bench","language_code":"en"},"chat":{"id":{{{chat}}},"type":"private","first_name":"Bench"},"date":1700000000,"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}"""));
        }
    }

    /// <summary>A started web application and its loopback address.</summary>
    private sealed class RunningApp(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public static async Task<RunningApp> StartAsync(WebApplication app, CancellationToken ct)
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningApp(app, new Uri(address));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

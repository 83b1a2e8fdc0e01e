using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VibeCoder.Gateway.Telegram;
using Orleans;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>
/// The real gateway (<c>Program</c>: co-hosted silo, SQLite file, offline content) on a loopback Kestrel port, talking to
/// a Bot API stand-in. It can be stopped as a crash would stop it and started again over the same database file.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret_0123456789";

    private readonly WebApplicationFactory<Program> _factory;

    private GatewayHost(WebApplicationFactory<Program> factory, HttpClient client)
    {
        _factory = factory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The settings every test host uses: fast pacing and retries so tests take milliseconds, not seconds.</summary>
    public static Dictionary<string, string?> Settings(BotApiStandInServer standIn, string databasePath, string mode = "webhook") => new()
    {
        ["STORAGE"] = "sqlite",
        ["SQLITE_PATH"] = databasePath,
        ["TELEGRAM_BOT_TOKEN"] = standIn.Token,
        ["TELEGRAM_API_BASE_URL"] = standIn.BaseAddress.ToString().TrimEnd('/'),
        ["TELEGRAM_MODE"] = mode,
        ["TELEGRAM_WEBHOOK_URL"] = mode == "webhook" ? "https://bot.example.test/telegram/webhook" : null,
        ["TELEGRAM_WEBHOOK_SECRET"] = mode == "webhook" ? Secret : null,
        ["TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND"] = "1000",
        ["TELEGRAM_PER_CHAT_BURST"] = "1000",
        ["TELEGRAM_GLOBAL_MESSAGES_PER_SECOND"] = "10000",
        ["TELEGRAM_GLOBAL_BURST"] = "10000",
        ["TELEGRAM_RETRY_AFTER_SCALE"] = "0.01",
        ["TELEGRAM_RETRY_BASE_DELAY_MS"] = "10",
        ["TELEGRAM_RETRY_MAX_DELAY_MS"] = "50",
        ["TELEGRAM_POLL_TIMEOUT_SECONDS"] = "5",
        ["TELEGRAM_OUTBOX_RETRY_BASE_DELAY_MS"] = "20",
        ["TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS"] = "200",
        ["TELEGRAM_OUTBOX_REMINDER_SECONDS"] = "1",
        ["Carousel:RetryBaseDelay"] = "00:00:00.050",
        ["ORLEANS_SILO_PORT"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["ORLEANS_GATEWAY_PORT"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        ["urls"] = "http://127.0.0.1:0",
    };

    /// <summary>Starts a gateway with <paramref name="settings"/> (null values are left out).</summary>
    public static GatewayHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                if (value is not null)
                {
                    builder.UseSetting(key, value);
                }
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return new GatewayHost(factory, factory.CreateClient());
    }

    /// <summary>Posts an update to the webhook with the right secret (or <paramref name="secret"/>).</summary>
    public Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret = Secret) =>
        PostRawAsync(Encoding.UTF8.GetBytes(update.ToJsonString()), secret);

    /// <summary>Posts raw bytes to the webhook.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? secret = Secret, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookApi.Path) { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookApi.SecretHeader, secret);
        }

        return await Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Posts an update and checks it was acknowledged.</summary>
    public async Task SendAsync(JsonObject update)
    {
        using var response = await PostUpdateAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await _factory.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Known race outside these tests: Program's RunAsync disposes the host (and the grain runtime) as soon as
            // stopping begins, while the factory's own StopAsync is still stopping the runtime, which then finds its
            // cancellation source disposed. The host is down either way.
        }
    }

    public static string NewDatabasePath(string folder) =>
        Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bot-{Guid.NewGuid():N}.db"));
}

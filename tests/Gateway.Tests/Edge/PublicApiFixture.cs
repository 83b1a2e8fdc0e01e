using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using VibeCoder.Gateway.Tests.Faults;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Gateway.Tests.Edge;

/// <summary>
/// The real gateway as the Ingress exposes it: a tiny API limit (<see cref="PermitsPerMinute"/>), one trusted proxy
/// (<see cref="TrustedProxy"/>), one API key, the Telegram webhook on (against a Bot API stand-in), on a loopback
/// Kestrel port. Linux routes all of 127.0.0.0/8 to loopback, so <see cref="ClientFrom"/> gives each test its own real
/// client addresses: the server sees them as the socket's remote address, no forwarded header needed.
/// </summary>
public sealed class PublicApiFixture : IAsyncLifetime
{
    /// <summary>Small, so a test reaches the limit in three requests; one token comes back only after 30 s.</summary>
    public const int PermitsPerMinute = 2;

    public const string TrustedProxy = "127.0.0.2";

    public const string ApiKey = "public-api-tests-key-0123456789abcdef";

    public const string WebhookSecret = "public-api-webhook-secret_0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-public-api-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private BotApiStandInServer? _telegram;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every entry the gateway logged at Information or above.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _telegram = await BotApiStandInServer.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("STORAGE", "sqlite");
            builder.UseSetting("SQLITE_PATH", Path.Combine(_folder, "gateway.db"));
            builder.UseSetting("API_RATE_LIMIT_PER_MINUTE", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("FORWARDED_HEADERS_KNOWN_NETWORKS", TrustedProxy + "/32");
            builder.UseSetting("API_KEYS", "another-configured-key-000000000," + ApiKey);
            builder.UseSetting("TELEGRAM_BOT_TOKEN", _telegram.Token);
            builder.UseSetting("TELEGRAM_API_BASE_URL", _telegram.BaseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("TELEGRAM_MODE", "webhook");
            builder.UseSetting("TELEGRAM_WEBHOOK_URL", "https://bot.example.test/telegram/webhook");
            builder.UseSetting("TELEGRAM_WEBHOOK_SECRET", WebhookSecret);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (name, value) in LoopbackPorts.OrleansSettings())
            {
                builder.UseSetting(name, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log, LogLevel.Information)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var client = _factory.CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    /// <summary>A client whose connections come from <paramref name="sourceAddress"/> (any 127.x.y.z).</summary>
    public HttpClient ClientFrom(string sourceAddress)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublicApiCollection : ICollectionFixture<PublicApiFixture>
{
    public const string Name = "public-api";
}
